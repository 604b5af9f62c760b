package org.trustledger.privacy.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;
import org.trustledger.privacy.DsrCaseEntity;
import org.trustledger.privacy.DsrCaseRepository;

/**
 * Data-subject request deadlines (GDPR Art. 12(3)): open cases whose effective deadline (the extension if
 * there is one) has passed fail the check; cases due within {@code warn_days} are listed as a warning. The
 * payload names cases by id, jurisdiction, status and deadline only: never the requester or the request text.
 */
@ApplicationScoped
public class DsrDeadlinesCollector extends BaseCollectorType {

    private static final Param WARN = Param.integer("warn_days", 0, 90, 7, "open cases due within this many days are listed as due soon");

    private final DsrCaseRepository cases;

    public DsrDeadlinesCollector(DsrCaseRepository cases) {
        super("dsr-deadlines", WARN);
        this.cases = cases;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        int warnDays = WARN.intIn(d.params());
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        payload.put("warn_days", warnDays);
        ArrayNode overdue = payload.putArray("overdue");
        ArrayNode dueSoon = payload.putArray("due_soon");
        long open = cases.openCount();
        for (DsrCaseEntity c : cases.openDueBefore(now.plus(Duration.ofDays(warnDays)))) {
            Instant due = c.effectiveDueAt();
            boolean late = due.isBefore(now);
            ObjectNode o = (late ? overdue : dueSoon).addObject();
            o.put("id", c.id);
            o.put("jurisdiction", c.jurisdiction);
            o.put("status", c.status);
            o.put("due_at", due.toString());
            o.put("extended", c.extendedUntil != null);
            if (late) {
                o.put("days_overdue", Duration.between(due, now).toDays());
            }
        }
        payload.put("open_cases", open);
        String soon = dueSoon.isEmpty() ? "" : "; " + dueSoon.size() + " due within " + warnDays + " days";
        if (!overdue.isEmpty()) {
            StringBuilder ids = new StringBuilder();
            overdue.forEach(o -> ids.append(ids.isEmpty() ? "" : ", ").append(o.get("id").asLong()));
            return CollectorResult.fail(overdue.size() + " of " + open + " open data-subject requests past their deadline (cases " + ids + ")"
                    + soon, payload);
        }
        return CollectorResult.pass("no open data-subject request past its deadline (" + open + " open)" + soon, payload);
    }
}
