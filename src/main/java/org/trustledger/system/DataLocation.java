package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The regions in which one data category may be stored (a data-residency commitment). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataLocation(String dataCategory, List<String> regions) {

    public DataLocation {
        regions = Lists.copy(regions);
    }
}
