package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;
import org.trustledger.config.OptionalField;

/**
 * Hosting regions and data residency. Every {@link HostedSystem#region()} must be one of
 * {@code allowedRegions}. A data category stored by a system must be declared for that system's
 * region in {@code dataLocations}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Residency(String statement, List<Region> allowedRegions, @OptionalField List<DataLocation> dataLocations) {

    public Residency {
        allowedRegions = Lists.copy(allowedRegions);
        dataLocations = Lists.copy(dataLocations);
    }

    public Optional<Region> region(String id) {
        return allowedRegions.stream().filter(r -> r != null && r.id() != null && r.id().equals(id)).findFirst();
    }

    /** Regions declared for a data category; empty if it has no declaration. */
    public List<String> declaredRegions(String dataCategoryId) {
        return dataLocations.stream()
                .filter(l -> l != null && dataCategoryId.equals(l.dataCategory()))
                .findFirst().map(DataLocation::regions).orElse(List.of());
    }
}
