package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.trustledger.config.OptionalField;

/**
 * EU representative (GDPR Art. 27), needed only by organisations not established in the Union. If
 * {@code required} is false a {@code reason} is needed; if it is true, {@code name} and {@code email}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EuRepresentative(
        Boolean required,
        @OptionalField String reason,
        @OptionalField String name,
        @OptionalField String email) {
}
