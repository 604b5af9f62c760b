package org.trustledger.reports;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorRegistry;
import org.trustledger.collect.CollectorRun;
import org.trustledger.collect.CollectorRuns;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.policies.PolicyLibrary;
import org.trustledger.system.SystemDescription;

/** Renders the SoA (ISO 27001) or criteria status (SOC 2, GDPR) from the catalogs, the system description and the latest runs. */
@ApplicationScoped
public class SoaRenderer {

    @CheckedTemplate(basePath = "reports", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance soa(SoaView view);
    }

    private final ControlCatalog catalog;
    private final SystemDescription system;
    private final CollectorRegistry collectors;
    private final CollectorRuns runs;
    private final PolicyLibrary policies;
    private final Clock clock;

    public SoaRenderer(ControlCatalog catalog, SystemDescription system, CollectorRegistry collectors, CollectorRuns runs,
            PolicyLibrary policies, Clock clock) {
        this.catalog = catalog;
        this.system = system;
        this.collectors = collectors;
        this.runs = runs;
        this.policies = policies;
        this.clock = clock;
    }

    public Optional<byte[]> render(String frameworkId, boolean internal) {
        return catalog.framework(frameworkId).map(f -> render(view(f, internal)));
    }

    /** Renders a view built elsewhere: the audit package's status page for its period uses the same document. */
    public static byte[] render(SoaView view) {
        return Templates.soa(view).render().getBytes(StandardCharsets.UTF_8);
    }

    private SoaView view(Framework f, boolean internal) {
        Map<String, CollectorRun> latest = runs.latestAll();
        Map<String, List<SoaView.Row>> groups = new LinkedHashMap<>();
        int applicable = 0;
        for (var c : f.controls()) {
            boolean applies = system.isApplicable(c.id());
            applicable += applies ? 1 : 0;
            List<SoaView.Evidence> evidence = new ArrayList<>();
            for (CollectorDefinition d : collectors.all()) {
                if (applies && d.controls().contains(c.id())) {
                    CollectorRun r = latest.get(d.id());
                    evidence.add(new SoaView.Evidence(d.id(), d.description(), r == null ? "none yet" : r.status().wire(),
                            r == null ? null : r.collectedAt(), internal && r != null ? r.summary() : null,
                            internal && r != null ? r.evidenceIndex() : null));
                }
            }
            List<String> policyNames = policies.policies().stream().filter(p -> p.controls().contains(c.id()))
                    .map(p -> p.title() + " v" + p.version()).toList();
            groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(new SoaView.Row(c.id(), c.title(), applies,
                    system.exclusionJustification(c.id()).orElse(null), evidence, policyNames));
        }
        String title = "iso27001".equals(f.id()) ? "Statement of Applicability" : f.name() + ": control status";
        return new SoaView(title, system.organisation().legalEntity(), f.name(), f.version(), LocalDate.now(clock), internal,
                groups.entrySet().stream().map(e -> new SoaView.Group(e.getKey(), e.getValue())).toList(), applicable, f.controls().size());
    }
}
