package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A hosting region where systems may run.
 *
 * @param id the provider's region code, e.g. {@code eu-central-1}
 * @param provider id of the {@link Vendor} whose infrastructure region this is
 * @param location city or area, e.g. {@code Frankfurt}
 * @param country ISO 3166-1 alpha-2 code
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Region(String id, String provider, String location, String country) {
}
