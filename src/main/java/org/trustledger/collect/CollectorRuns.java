package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads of the run history. */
@ApplicationScoped
public class CollectorRuns {

    private final DataSource db;

    public CollectorRuns(DataSource db) {
        this.db = db;
    }

    /** The newest run of every collector that has one. */
    @Transactional
    public Map<String, CollectorRun> latestAll() {
        Map<String, CollectorRun> out = new HashMap<>();
        for (CollectorRun r : query("SELECT DISTINCT ON (collector_id) " + CollectorRun.COLUMNS
                + " FROM collector_run ORDER BY collector_id, collected_at DESC, id DESC", null, 0)) {
            out.put(r.collectorId(), r);
        }
        return out;
    }

    @Transactional
    public Optional<CollectorRun> latest(String collectorId) {
        return history(collectorId, 1).stream().findFirst();
    }

    /** Newest first. */
    @Transactional
    public List<CollectorRun> history(String collectorId, int limit) {
        return query("SELECT " + CollectorRun.COLUMNS + " FROM collector_run WHERE collector_id = ?"
                + " ORDER BY collected_at DESC, id DESC LIMIT ?", collectorId, limit);
    }

    /** The newest run with the given origin, e.g. the latest CI push. */
    @Transactional
    public Optional<CollectorRun> latestWithOrigin(String collectorId, RunRecorder.Origin origin) {
        return query("SELECT " + CollectorRun.COLUMNS + " FROM collector_run WHERE collector_id = ? AND origin = '" + origin.wire()
                + "' ORDER BY collected_at DESC, id DESC LIMIT ?", collectorId, 1).stream().findFirst();
    }

    private List<CollectorRun> query(String sql, String collectorId, int limit) {
        List<CollectorRun> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (collectorId != null) {
                s.setString(1, collectorId);
                s.setInt(2, limit);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(CollectorRun.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
