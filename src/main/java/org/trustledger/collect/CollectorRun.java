package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

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

    /** Whether this run still counts as current evidence at {@code now}. */
    public boolean isFreshAt(Instant now, java.time.Duration freshness) {
        return !collectedAt.plus(freshness).isBefore(now);
    }
}
