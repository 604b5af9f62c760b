package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.trustledger.tlog.Codec;

/** One recorded run: what the run history API returns, and what the ledger will append as an evidence item. */
public record CollectorRun(
        long id,
        String collectorId,
        String origin,
        String triggeredBy,
        Instant startedAt,
        Instant finishedAt,
        Instant collectedAt,
        Instant observedAt,
        RunStatus status,
        String summary,
        JsonNode payload,
        String payloadSha256,
        List<String> controls,
        Long evidenceIndex) {

    static final String COLUMNS = "id, collector_id, origin, triggered_by, started_at, finished_at, collected_at, observed_at, status,"
            + " summary, payload::text, payload_sha256, controls, evidence_index";
    private static final ObjectMapper JSON = new ObjectMapper();

    static CollectorRun read(ResultSet rs) throws SQLException {
        try {
            long index = rs.getLong(14);
            return new CollectorRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, 5),
                    Jdbc.instant(rs, 6), Jdbc.instant(rs, 7), Jdbc.instant(rs, 8), RunStatus.parse(rs.getString(9)), rs.getString(10),
                    JSON.readTree(rs.getString(11)), Codec.toHex(rs.getBytes(12)), Jdbc.strings(rs, 13), rs.wasNull() ? null : index);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored payload is not JSON", e);
        }
    }

    /** Whether this run still counts as current evidence at {@code now}. */
    public boolean isFreshAt(Instant now, java.time.Duration freshness) {
        return !collectedAt.plus(freshness).isBefore(now);
    }
}
