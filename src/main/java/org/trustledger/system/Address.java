package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Address(String street, String postalCode, String city, String country) {
}
