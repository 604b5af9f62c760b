package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.system.SystemDescription;

/**
 * The dashboard's per-framework totals: {@link Coverage}'s definitions of passing, failing and stale (a test holds the
 * two to the same numbers), computed from {@link LatestRuns}' bounded lookups instead of the whole run history, and
 * without the per-control lists the coverage API returns. Also the open gaps by severity.
 */
@ApplicationScoped
public class CoverageFigures {

    /** One framework's control totals; passing + failing + stale = covered. */
    public record Figures(String framework, String name, int total, int applicable, int covered, int passing, int failing, int stale) {

        public int notCovered() {
            return applicable - covered;
        }
    }

    private final ControlCatalog catalog;
    private final SystemDescription system;
    private final CollectorRegistry registry;
    private final DataSource dataSource;

    public CoverageFigures(ControlCatalog catalog, SystemDescription system, CollectorRegistry registry, DataSource dataSource) {
        this.catalog = catalog;
        this.system = system;
        this.registry = registry;
        this.dataSource = dataSource;
    }

    /** Every framework of the catalog, in catalog order, as it stands at {@code now} given each collector's newest run. */
    public List<Figures> all(Map<String, LatestRuns.Latest> latest, Instant now) {
        Map<String, List<CollectorDefinition>> byControl = new HashMap<>();
        for (CollectorDefinition d : registry.all()) {
            for (String control : d.controls()) {
                byControl.computeIfAbsent(control, k -> new ArrayList<>()).add(d);
            }
        }
        List<Figures> out = new ArrayList<>();
        for (Framework fw : catalog.frameworks()) {
            int applicable = 0;
            int covered = 0;
            int passing = 0;
            int failing = 0;
            int stale = 0;
            for (Control c : fw.controls()) {
                if (!system.isApplicable(c.id())) {
                    continue;
                }
                applicable++;
                List<CollectorDefinition> mine = byControl.getOrDefault(c.id(), List.of());
                if (mine.isEmpty()) {
                    continue;
                }
                covered++;
                boolean anyFailing = false;
                boolean allFresh = true;
                for (CollectorDefinition d : mine) {
                    LatestRuns.Latest run = latest.get(d.id());
                    if (run == null) {
                        allFresh = false;
                        continue;
                    }
                    anyFailing |= run.status() != RunStatus.PASS;
                    allFresh &= run.isFreshAt(now, d.freshness());
                }
                if (anyFailing) {
                    failing++;
                } else if (allFresh) {
                    passing++;
                } else {
                    stale++;
                }
            }
            out.add(new Figures(fw.id(), fw.name(), fw.controls().size(), applicable, covered, passing, failing, stale));
        }
        return out;
    }

    /** Open gaps per severity (every severity present, zero when none), counted from {@code gap_open_severity} alone. */
    public Map<Severity, Long> openGapsBySeverity() {
        Map<Severity, Long> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0L);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT severity, count(*) FROM gap WHERE status = 'open' GROUP BY severity");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Severity severity = Severity.parse(rs.getString(1)).orElseThrow();
                out.put(severity, rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count open gaps", e);
        }
        return out;
    }
}
