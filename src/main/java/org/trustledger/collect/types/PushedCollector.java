package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorRun;
import org.trustledger.collect.CollectorRuns;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;
import org.trustledger.collect.RunRecorder;
import org.trustledger.collect.RunStatus;

/**
 * Evidence pushed by CI/CD ({@code POST /api/v1/evidence/{collector}} with a scoped service token).
 * Each push is recorded as a run of its own; the scheduled run checks that a push arrived within the
 * collector's freshness and carries the latest push's verdict forward.
 */
@ApplicationScoped
public class PushedCollector extends BaseCollectorType {

    private final CollectorRuns runs;

    public PushedCollector(CollectorRuns runs) {
        super("pushed", Param.optional("source", Param.Kind.STRING, "who pushes, for readers of the definition (e.g. the CI pipeline name)"));
        this.runs = runs;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        Optional<CollectorRun> latest = runs.latestWithOrigin(d.id(), RunRecorder.Origin.PUSH);
        ObjectNode payload = CollectorResult.object();
        payload.put("freshness", CollectorDefinition.text(d.freshness()));
        if (latest.isEmpty()) {
            return CollectorResult.fail("nothing has been pushed yet; expected a push at least every " + CollectorDefinition.text(d.freshness()), payload);
        }
        CollectorRun push = latest.get();
        payload.put("latest_push_run", push.id());
        payload.put("latest_push_collected_at", push.collectedAt().toString());
        if (push.observedAt() != null) {
            payload.put("latest_push_observed_at", push.observedAt().toString());
        }
        payload.put("latest_push_status", push.status().wire());
        payload.put("latest_push_payload_sha256", push.payloadSha256());
        if (!push.isFreshAt(ctx.now(), d.freshness())) {
            return CollectorResult.fail("nothing pushed within " + CollectorDefinition.text(d.freshness()) + "; latest push (run " + push.id() + ") arrived at "
                    + push.collectedAt(), payload);
        }
        String summary = "latest push (run " + push.id() + " at " + push.collectedAt() + ") " + push.status().wire() + ": " + push.summary();
        return push.status() == RunStatus.PASS ? CollectorResult.pass(summary, payload)
                : push.status() == RunStatus.FAIL ? CollectorResult.fail(summary, payload) : CollectorResult.error(summary, payload);
    }
}
