package org.trustledger.trust;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustledger.collect.Coverage;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.policies.PolicyLibrary;
import org.trustledger.system.SystemDescription;

/** Builds the public views of the program from the catalogs and the system description. */
@ApplicationScoped
public class TrustCenter {

    public record FrameworkSummary(String id, String name, String version, int total, int applicable) {
    }

    public record ControlGroup(String name, List<PublicControl> controls) {
    }

    private final ControlCatalog catalog;
    private final SystemDescription system;
    private final Coverage coverage;
    private final PolicyLibrary policies;

    public TrustCenter(ControlCatalog catalog, SystemDescription system, Coverage coverage, PolicyLibrary policies) {
        this.catalog = catalog;
        this.system = system;
        this.coverage = coverage;
        this.policies = policies;
    }

    public List<FrameworkSummary> frameworks() {
        return catalog.frameworks().stream().map(f -> new FrameworkSummary(f.id(), f.name(), f.version(), f.controls().size(),
                (int) f.controls().stream().filter(c -> system.isApplicable(c.id())).count())).toList();
    }

    public Optional<Framework> framework(String id) {
        return catalog.framework(id);
    }

    /**
     * The framework's controls in catalog order, grouped as the catalog groups them (themes, series, chapters),
     * with the collectors and policies behind each and the latest evidence status. Summaries and payloads stay
     * internal: the public sees only status and date.
     */
    public List<ControlGroup> controls(Framework framework) {
        Map<String, Coverage.ControlCoverage> byId = new java.util.HashMap<>();
        coverage.of(framework.id()).ifPresent(r -> r.controls().forEach(c -> byId.put(c.id(), c)));
        Map<String, List<PublicControl>> groups = new LinkedHashMap<>();
        framework.controls().forEach(c -> {
            Coverage.ControlCoverage cov = byId.get(c.id());
            List<String> policyTitles = policies.policies().stream().filter(p -> p.controls().contains(c.id())).map(p -> p.title()).toList();
            groups.computeIfAbsent(c.group(), g -> new java.util.ArrayList<>()).add(new PublicControl(
                    c.id(), c.title(), c.group(), system.isApplicable(c.id()), system.exclusionJustification(c.id()).orElse(null),
                    catalog.related(c.id()), cov == null ? List.of() : cov.collectors(), policyTitles,
                    cov == null ? null : cov.latestStatus(), cov == null ? null : cov.collectedAt(), cov != null && cov.fresh()));
        });
        return groups.entrySet().stream().map(e -> new ControlGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public Optional<Coverage.Totals> totals(String frameworkId) {
        return coverage.of(frameworkId).map(Coverage.Report::totals);
    }
}
