package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A catalog control (e.g. {@code ISO27001:A.7.1}, {@code GDPR:Art.8}) that does not apply, and why. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ControlExclusion(String control, String justification) {
}
