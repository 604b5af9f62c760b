package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A category of data subjects (Art. 30(1)(c)). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataSubjectCategory(String id, String name, String description) {
}
