package org.trustledger.trust;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
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

    public TrustCenter(ControlCatalog catalog, SystemDescription system) {
        this.catalog = catalog;
        this.system = system;
    }

    public List<FrameworkSummary> frameworks() {
        return catalog.frameworks().stream().map(f -> new FrameworkSummary(f.id(), f.name(), f.version(), f.controls().size(),
                (int) f.controls().stream().filter(c -> system.isApplicable(c.id())).count())).toList();
    }

    public Optional<Framework> framework(String id) {
        return catalog.framework(id);
    }

    /** The framework's controls in catalog order, grouped as the catalog groups them (themes, series, chapters). */
    public List<ControlGroup> controls(Framework framework) {
        Map<String, List<PublicControl>> groups = new LinkedHashMap<>();
        framework.controls().forEach(c -> groups.computeIfAbsent(c.group(), g -> new java.util.ArrayList<>()).add(new PublicControl(
                c.id(), c.title(), c.group(), system.isApplicable(c.id()), system.exclusionJustification(c.id()).orElse(null),
                catalog.related(c.id()))));
        return groups.entrySet().stream().map(e -> new ControlGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
