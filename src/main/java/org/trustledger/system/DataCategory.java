package org.trustledger.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A category of personal data (Art. 30(1)(c)); {@code specialCategory} marks Art. 9 data. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataCategory(String id, String name, String description, Boolean specialCategory) {

    @JsonIgnore
    public boolean isSpecial() {
        return Boolean.TRUE.equals(specialCategory);
    }
}
