package org.trustledger.system;

import static org.trustledger.config.Problems.child;
import static org.trustledger.config.Problems.index;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.trustledger.config.Problems;

/** Hosted systems: hosting vendor, region, and where each data category may be stored. */
final class SystemsCheck extends DescriptionCheck {
    SystemsCheck(SystemDescription d, Problems.In problems, Predicate<String> knownControlId, LocalDate today) {
        super(d, problems, knownControlId, today);
    }

    @Override
    void check() {
        hostedSystems();
    }

    private void hostedSystems() {
        checkIds("systems", d.systems(), HostedSystem::id);
        for (int i = 0; i < d.systems().size(); i++) {
            HostedSystem s = d.systems().get(i);
            if (s == null) {
                continue;
            }
            String path = index("systems", i);
            reference(child(path, "hosting_vendor"), s.hostingVendor(), vendors, "vendor");
            boolean regionAllowed = false;
            if (s.region() != null && regions.complete()) {
                if (!regions.contains(s.region())) {
                    problems.add(child(path, "region"), "region '" + s.region() + "' is not in residency.allowed_regions");
                } else {
                    regionAllowed = true;
                    Region region = d.residency().region(s.region()).orElseThrow();
                    d.vendor(s.hostingVendor())
                            .filter(v -> region.country() != null && countriesIntact(v) && !v.countries().contains(region.country()))
                            .ifPresent(v -> problems.add(child(path, "region"), "region " + region.id() + " is in "
                                    + region.country() + ", which vendor '" + v.id() + "' does not list in its countries"));
                }
            }
            String categoriesPath = child(path, "data_categories");
            references(categoriesPath, s.dataCategories(), categories, "data category");
            if (regionAllowed) {
                for (int j = 0; j < s.dataCategories().size(); j++) {
                    String category = s.dataCategories().get(j);
                    if (category == null || !categories.contains(category)) {
                        continue;
                    }
                    List<String> declared = d.residency().declaredRegions(category);
                    if (!declared.contains(s.region())) {
                        problems.add(index(categoriesPath, j), "'" + category + "' is stored in " + s.region() + ", but "
                                + (declared.isEmpty()
                                        ? "residency.data_locations has no entry for it"
                                        : "residency.data_locations allows it only in " + String.join(", ", declared)));
                    }
                }
            }
        }
    }
}
