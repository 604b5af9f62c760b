package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.trustledger.config.OptionalField;

/**
 * Data protection officer (GDPR Art. 37). If {@code appointed} is true, {@code name} and {@code email}
 * are required. If it is false, {@code reason} (why Art. 37(1) does not apply) and {@code privacyLead}
 * (who is accountable instead) are required.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Dpo(
        Boolean appointed,
        @OptionalField String name,
        @OptionalField String email,
        @OptionalField String reason,
        @OptionalField Contact privacyLead) {
}
