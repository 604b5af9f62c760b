package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustledger.ledger.AppendedEvidence;
import org.trustledger.ledger.EvidenceLedger;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.ledger.NewEvidence;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;

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

    private final Gaps gaps;
    private final EvidenceLedger ledger;
    private final GovernanceLog governance;

    public RunRecorder(Gaps gaps, EvidenceLedger ledger, GovernanceLog governance) {
        this.gaps = gaps;
        this.ledger = ledger;
        this.governance = governance;
    }

    /**
     * Appends the run's evidence item to the log, stores the run with its leaf index and updates the gap
     * register, in one transaction: a failure anywhere rolls all back, so the run history never holds a
     * run the ledger lacks. Runs a person or a service account caused are governance events too.
     */
    @Transactional
    public CollectorRun record(CollectorDefinition d, CollectorResult result, Origin origin, String triggeredBy, Instant startedAt,
            Instant finishedAt) {
        CollectorResult r = canonicalizable(result);
        byte[] canonical = Jcs.canonicalize(r.payload());
        AppendedEvidence leaf = ledger.append(List.of(new NewEvidence(d.id(), d.controls(), r.status().wire(), r.summary(), r.payload(),
                r.observedAt()))).get(0);
        StoredRun row = new StoredRun();
        row.collectorId = d.id();
        row.origin = origin.wire();
        row.triggeredBy = triggeredBy;
        row.startedAt = startedAt;
        row.finishedAt = finishedAt;
        row.collectedAt = leaf.collectedAt();
        row.observedAt = r.observedAt();
        row.status = r.status().wire();
        row.summary = r.summary();
        row.payload = new String(canonical, StandardCharsets.UTF_8);
        row.payloadSha256 = Hashes.sha256(canonical);
        row.controls = d.controls().toArray(String[]::new);
        row.evidenceIndex = leaf.index();
        row.persistAndFlush();
        CollectorRun run = row.view();
        gaps.afterRun(d, run);
        if (origin != Origin.SCHEDULE) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("origin", origin.wire());
            details.put("status", run.status().wire());
            details.put("evidence_index", leaf.index());
            governance.record(GovernanceLog.COLLECTOR_RUN, triggeredBy, "collector:" + d.id(), details);
        }
        return run;
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
