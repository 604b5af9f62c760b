package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.trustledger.ledger.Hashes;
import org.trustledger.ledger.Jcs;

/**
 * Records the result of a collector run: the one place every run (scheduled, staff-triggered, pushed,
 * after an upload) becomes evidence.
 */
@ApplicationScoped
public class RunRecorder {

    public enum Origin {
        SCHEDULE, MANUAL, PUSH, UPLOAD;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final DataSource db;
    private final Gaps gaps;

    public RunRecorder(DataSource db, Gaps gaps) {
        this.db = db;
        this.gaps = gaps;
    }

    /**
     * Stores the run and updates the gap register, in one transaction.
     *
     * <p>INTEGRATION POINT for the evidence ledger: in this same transaction, append the evidence item
     * (id, collector id, collected_at, controls, status, summary, payload, payload_sha256) to the Merkle
     * log, set {@code collector_run.evidence_index} to its leaf index, and append the governance event.
     * A failure there rolls the run back, so the history never holds a run the ledger lacks.
     */
    @Transactional
    public CollectorRun record(CollectorDefinition d, CollectorResult result, Origin origin, String triggeredBy, Instant startedAt,
            Instant finishedAt) {
        CollectorResult r = canonicalizable(result);
        byte[] canonical = Jcs.canonicalize(r.payload());
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO collector_run (collector_id, origin, triggered_by, started_at,"
                        + " finished_at, collected_at, observed_at, status, summary, payload, payload_sha256, controls)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?) RETURNING " + CollectorRun.COLUMNS)) {
            s.setString(1, d.id());
            s.setString(2, origin.wire());
            s.setString(3, triggeredBy);
            s.setTimestamp(4, Jdbc.ts(startedAt));
            s.setTimestamp(5, Jdbc.ts(finishedAt));
            s.setTimestamp(6, Jdbc.ts(finishedAt));
            s.setTimestamp(7, Jdbc.ts(r.observedAt()));
            s.setString(8, r.status().wire());
            s.setString(9, r.summary());
            s.setString(10, new String(canonical, java.nio.charset.StandardCharsets.UTF_8));
            s.setBytes(11, Hashes.sha256(canonical));
            s.setArray(12, Jdbc.textArray(c, d.controls()));
            CollectorRun run;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                run = CollectorRun.read(rs);
            }
            gaps.afterRun(d, run);
            return run;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record run of " + d.id(), e);
        }
    }

    /** A payload the canonical form cannot express (NaN, integers beyond 2^53) becomes an error run, not a lost one. */
    private static CollectorResult canonicalizable(CollectorResult result) {
        JsonNode payload = result.payload();
        try {
            Jcs.canonicalize(payload);
            return result;
        } catch (IllegalArgumentException e) {
            ObjectNode p = CollectorResult.object();
            p.put("original_status", result.status().wire());
            p.put("original_summary", result.summary());
            p.put("problem", e.getMessage());
            return new CollectorResult(RunStatus.ERROR, "payload not representable as canonical JSON: " + e.getMessage(), p,
                    result.observedAt());
        }
    }
}
