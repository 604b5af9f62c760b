package org.trustledger.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorRegistry;
import org.trustledger.controls.Control;
import org.trustledger.controls.Framework;
import org.trustledger.policies.Policy;
import org.trustledger.policies.PolicyLibrary;
import org.trustledger.reports.SoaRenderer;
import org.trustledger.reports.SoaView;
import org.trustledger.system.SystemDescription;

/**
 * The package's status page for the period: soa.html (ISO 27001) or criteria-status.html, rendered by the reports'
 * SoA template ({@link SoaRenderer#render(SoaView)}) from the period's leaves only: each applicable control with its
 * collectors' latest status in the period and the ledger index of that evidence, and the policies in force at the end
 * of the period. Nothing depends on the time of the export, so exporting a closed period again gives the same bytes.
 */
final class PeriodStatusPage {

    private final SystemDescription system;
    private final CollectorRegistry collectors;
    private final PolicyLibrary policies;

    PeriodStatusPage(SystemDescription system, CollectorRegistry collectors, PolicyLibrary policies) {
        this.system = system;
        this.collectors = collectors;
        this.policies = policies;
    }

    /** A collector's latest evidence in the period. */
    private record Latest(String status, Instant at, long index) {
    }

    /** The page's file name in the package. */
    static String fileName(Framework f) {
        return isIso(f) ? "soa.html" : "criteria-status.html";
    }

    byte[] render(Connection c, AuditPackageWriter.Plan plan) throws SQLException {
        Map<String, Latest> byCollector = latestByCollector(c, plan);
        Framework f = plan.framework();
        boolean iso = isIso(f);
        List<Policy> inForce = policies.policies().stream().filter(p -> !p.approvedAt().isAfter(plan.to()))
                .sorted(Comparator.comparing(Policy::id)).toList();
        List<CollectorDefinition> defs = collectors.all().stream().sorted(Comparator.comparing(CollectorDefinition::id)).toList();
        Map<String, List<SoaView.Row>> groups = new LinkedHashMap<>();
        int applicable = 0;
        for (Control ctl : f.controls()) {
            boolean applies = !iso || system.isApplicable(ctl.id());
            applicable += applies ? 1 : 0;
            List<SoaView.Evidence> evidence = new ArrayList<>();
            for (CollectorDefinition d : defs) {
                if (d.controls().contains(ctl.id())) {
                    Latest l = byCollector.get(d.id());
                    evidence.add(new SoaView.Evidence(d.id(), d.description(), l == null ? "no evidence in period" : l.status(),
                            l == null ? null : l.at(), null, l == null ? null : l.index()));
                }
            }
            List<String> policyNames = inForce.stream().filter(p -> p.controls().contains(ctl.id()))
                    .map(p -> p.title() + " v" + p.version()).toList();
            groups.computeIfAbsent(ctl.group(), g -> new ArrayList<>()).add(new SoaView.Row(ctl.id(), ctl.title(), applies,
                    iso ? system.exclusionJustification(ctl.id()).orElse(null) : null, evidence, policyNames));
        }
        String title = (iso ? "Statement of Applicability" : "Trust Services Criteria status") + " — " + f.name() + ", " + plan.from()
                + " to " + plan.to() + (plan.treeSize() == plan.firstIndex() ? ": No evidence was collected in this period"
                        : ": leaves " + plan.firstIndex() + " to " + (plan.treeSize() - 1) + " of the log at tree size " + plan.treeSize());
        SoaView view = new SoaView(title, system.organisation().legalEntity(), f.name(), f.version(),
                LocalDate.ofInstant(plan.issuedAt(), ZoneOffset.UTC), true,
                groups.entrySet().stream().map(e -> new SoaView.Group(e.getKey(), e.getValue())).toList(), applicable, f.controls().size());
        return SoaRenderer.render(view);
    }

    private static boolean isIso(Framework f) {
        return f.id().equals("iso27001");
    }

    private static Map<String, Latest> latestByCollector(Connection c, AuditPackageWriter.Plan plan) throws SQLException {
        Map<String, Latest> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (collector) collector, status, collected_at, idx
                  FROM evidence WHERE idx >= ? AND idx < ? ORDER BY collector, idx DESC
                """)) {
            ps.setLong(1, plan.firstIndex());
            ps.setLong(2, plan.treeSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Latest(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4)));
                }
            }
        }
        return out;
    }
}
