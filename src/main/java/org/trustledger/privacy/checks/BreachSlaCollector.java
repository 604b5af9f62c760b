package org.trustledger.privacy.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.RunContext;
import org.trustledger.privacy.BreachSlaCheck;
import org.trustledger.privacy.MissedDeadline;

/**
 * Breach notification SLAs (GDPR Art. 33, 34): fails while any required notification is past its deadline
 * and not recorded. Names breaches by id and party only, never their title or description.
 */
@ApplicationScoped
public class BreachSlaCollector extends BaseCollectorType {

    private final BreachSlaCheck check;

    public BreachSlaCollector(BreachSlaCheck check) {
        super("breach-sla");
        this.check = check;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        Instant now = ctx.now();
        List<MissedDeadline> missed = check.findMissed(now);
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        ArrayNode list = payload.putArray("missed");
        for (MissedDeadline m : missed) {
            list.addObject().put("breach_id", m.breachId()).put("party", m.party().wire()).put("due_at", m.dueAt().toString())
                    .put("source", m.sourceKey()).put("control", m.controlId());
        }
        if (missed.isEmpty()) {
            return CollectorResult.pass("no missed breach notification deadline", payload);
        }
        List<String> keys = missed.stream().map(m -> "breach " + m.breachId() + " " + m.party().wire()).toList();
        return CollectorResult.fail(missed.size() + " breach notification deadline(s) missed: " + String.join(", ", keys), payload);
    }
}
