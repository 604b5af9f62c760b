package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A named person with a role and an email address (e.g. the privacy lead). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Contact(String name, String role, String email) {
}
