package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Lead (or competent) supervisory authority. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SupervisoryAuthority(String name, String country, String url) {
}
