package org.trustledger.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorRegistry;
import org.trustledger.controls.Control;
import org.trustledger.system.SystemDescription;
import org.trustledger.tlog.Rfc3339;

/**
 * The package's status page for the period: soa.html (ISO 27001) or criteria-status.html, one row per control with
 * its applicability, its collectors' latest status in the period and its evidence count. Built from the period's
 * leaves only, so an export of a closed period gives the same bytes again.
 */
final class PeriodStatusPage {

    private final SystemDescription system;
    private final CollectorRegistry collectors;

    PeriodStatusPage(SystemDescription system, CollectorRegistry collectors) {
        this.system = system;
        this.collectors = collectors;
    }

    /** Latest status per control and per collector within the period. */
    private record Latest(String status, Instant at, long index, long count) {
    }

    void write(Connection c, AuditPackageWriter.Plan plan, PackageZip pkg) throws SQLException, IOException {
        Map<String, Latest> byControl = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (ctl) ctl, status, collected_at, idx, count(*) OVER (PARTITION BY ctl)
                  FROM evidence, unnest(controls) AS ctl WHERE idx >= ? AND idx < ? ORDER BY ctl, idx DESC
                """)) {
            ps.setLong(1, plan.firstIndex());
            ps.setLong(2, plan.treeSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byControl.put(rs.getString(1), new Latest(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        Map<String, Latest> byCollector = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (collector) collector, status, collected_at, idx, count(*) OVER (PARTITION BY collector)
                  FROM evidence WHERE idx >= ? AND idx < ? ORDER BY collector, idx DESC
                """)) {
            ps.setLong(1, plan.firstIndex());
            ps.setLong(2, plan.treeSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCollector.put(rs.getString(1), new Latest(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        boolean iso = plan.framework().id().equals("iso27001");
        String title = (iso ? "Statement of Applicability" : "Trust Services Criteria status") + " — " + plan.framework().name();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}")
                .append(".pass{color:#060}.fail{color:#a00}.error{color:#a60}</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n")
                .append("<p>Framework: ").append(esc(plan.framework().name())).append(' ').append(esc(plan.framework().version()))
                .append(". Period: ").append(plan.from()).append(" to ").append(plan.to()).append(" (UTC, both included).")
                .append(" Evidence in the period: leaves ").append(plan.firstIndex()).append(" to ").append(plan.treeSize() - 1)
                .append(" (").append(plan.treeSize() - plan.firstIndex()).append(" items) of the log at tree size ")
                .append(plan.treeSize()).append(".</p>\n");
        if (plan.treeSize() == plan.firstIndex()) {
            h.append("<p><strong>No evidence was collected in this period.</strong></p>\n");
        }
        h.append("<table>\n<thead><tr><th>Control</th><th>Title</th><th>Group</th><th>Applicable</th><th>Justification</th>")
                .append("<th>Collectors (latest status in period)</th><th>Evidence items</th><th>Latest status</th></tr></thead>\n<tbody>\n");
        for (Control ctl : plan.framework().controls()) {
            boolean applicable = !iso || system.isApplicable(ctl.id());
            String justification = iso ? system.exclusionJustification(ctl.id()).orElse("") : "";
            h.append("<tr id=\"").append(esc(ctl.id())).append("\"><td>").append(esc(ctl.id())).append("</td><td>").append(esc(ctl.title()))
                    .append("</td><td>").append(esc(ctl.group())).append("</td><td>").append(applicable ? "Yes" : "No").append("</td><td>")
                    .append(esc(justification)).append("</td><td>");
            List<String> cols = collectors.all().stream().filter(d -> d.controls().contains(ctl.id())).map(CollectorDefinition::id).sorted().toList();
            if (cols.isEmpty()) {
                h.append("—");
            }
            for (int i = 0; i < cols.size(); i++) {
                Latest l = byCollector.get(cols.get(i));
                h.append(i > 0 ? "<br>" : "").append(esc(cols.get(i))).append(": ");
                h.append(l == null ? "no evidence in period" : "<span class=\"" + esc(l.status()) + "\">" + esc(l.status()) + "</span> at "
                        + Rfc3339.format(l.at()));
            }
            Latest l = byControl.get(ctl.id());
            h.append("</td><td>").append(l == null ? 0 : l.count()).append("</td><td>");
            h.append(l == null ? "—" : "<span class=\"" + esc(l.status()) + "\">" + esc(l.status()) + "</span> (leaf " + l.index() + ", "
                    + Rfc3339.format(l.at()) + ")");
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</body>\n</html>\n");
        pkg.put(iso ? "soa.html" : "criteria-status.html", h.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
