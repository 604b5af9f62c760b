package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** Residency: allowed regions and the regions declared for each data category. */
final class ResidencyCheck extends DescriptionCheck {
    ResidencyCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        residency();
    }

    private void residency() {
        Residency r = d.residency();
        if (r == null) {
            return;
        }
        checkIds("residency.allowed_regions", r.allowedRegions(), Region::id);
        for (int i = 0; i < r.allowedRegions().size(); i++) {
            Region region = r.allowedRegions().get(i);
            if (region == null) {
                continue;
            }
            String path = index("residency.allowed_regions", i);
            reference(child(path, "provider"), region.provider(), vendors, "vendor");
            country(child(path, "country"), region.country());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < r.dataLocations().size(); i++) {
            DataLocation l = r.dataLocations().get(i);
            if (l == null) {
                continue;
            }
            String path = index("residency.data_locations", i);
            if (l.dataCategory() != null) {
                reference(child(path, "data_category"), l.dataCategory(), categories, "data category");
                Integer first = seen.putIfAbsent(l.dataCategory(), i);
                if (first != null) {
                    problems.add(child(path, "data_category"), "duplicate entry for '" + l.dataCategory()
                            + "' (first at residency.data_locations[" + first + "])");
                }
            }
            references(child(path, "regions"), l.regions(), regions, "region",
                    id -> "region '" + id + "' is not in residency.allowed_regions");
        }
    }
}
