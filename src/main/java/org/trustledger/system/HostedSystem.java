package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * A system (asset) that runs in a hosting region and stores personal data. The name avoids a clash
 * with {@link java.lang.System}.
 *
 * @param hostingVendor id of the {@link Vendor} that hosts it
 * @param region id of one of {@link Residency#allowedRegions()}
 * @param dataCategories ids of the {@link DataCategory data categories} stored; empty for stateless systems
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HostedSystem(
        String id,
        String name,
        @OptionalField String description,
        String hostingVendor,
        String region,
        @OptionalField List<String> dataCategories) {

    public HostedSystem {
        dataCategories = Lists.copy(dataCategories);
    }
}
