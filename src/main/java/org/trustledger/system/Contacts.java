package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.trustledger.config.OptionalField;

/** Functional mailboxes of the organisation. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Contacts(@OptionalField String generalEmail, String securityEmail, String privacyEmail) {
}
