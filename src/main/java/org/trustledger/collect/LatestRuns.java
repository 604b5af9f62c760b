package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The newest run of each defined collector, for the console dashboard: status and time only, one index probe per
 * collector ({@code collector_run_latest}), so its cost follows the number of collector definitions and not the
 * length of the run history (a DISTINCT ON over the whole table reads every run once it has grown to millions).
 */
@ApplicationScoped
public class LatestRuns {

    /** A collector's newest run, reduced to what coverage and staleness need. */
    public record Latest(RunStatus status, Instant collectedAt) {

        public boolean isFreshAt(Instant now, java.time.Duration freshness) {
            return !collectedAt.plus(freshness).isBefore(now);
        }
    }

    private final DataSource dataSource;
    private final CollectorRegistry registry;

    public LatestRuns(DataSource dataSource, CollectorRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** The newest run of every defined collector that has run, by collector id. */
    public Map<String, Latest> ofDefinedCollectors() {
        return of(registry.all().stream().map(CollectorDefinition::id).toList());
    }

    public Map<String, Latest> of(List<String> collectorIds) {
        Map<String, Latest> out = new HashMap<>();
        if (collectorIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT c.id, r.status, r.collected_at FROM unnest(?) AS c(id)
                        CROSS JOIN LATERAL (SELECT status, collected_at FROM collector_run WHERE collector_id = c.id
                                            ORDER BY collected_at DESC, id DESC LIMIT 1) r
                        """)) {
            Array ids = c.createArrayOf("text", collectorIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Latest(RunStatus.parse(rs.getString(2)), rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the latest collector runs", e);
        }
        return out;
    }
}
