package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.Vendor;

/**
 * Vendor and sub-processor review freshness (GDPR Art. 28(1), ISO 27001 A.5.22): every vendor of the system
 * description still processing data must have been reviewed within {@code max_age_days}. Vendors whose
 * removal has taken effect are skipped.
 */
@ApplicationScoped
public class SubprocessorReviewCollector extends BaseCollectorType {

    private static final Param MAX_AGE_DAYS = Param.maxAgeDays(365, "a vendor's last_review may be at most this old");

    private final SystemDescription system;

    public SubprocessorReviewCollector(SystemDescription system) {
        super("subprocessor-review", MAX_AGE_DAYS);
        this.system = system;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        return check(system, d.params(), ctx.now());
    }

    /** The judgement over a given model, so that tests can pass a modified one. */
    public CollectorResult check(SystemDescription model, JsonNode params, Instant now) {
        int maxAge = MAX_AGE_DAYS.intIn(params);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_on", today.toString());
        payload.put("max_age_days", maxAge);
        ArrayNode list = payload.putArray("vendors");
        List<String> overdue = new ArrayList<>();
        for (Vendor v : model.vendors()) {
            if (v.removalEffectiveAt() != null && !v.removalEffectiveAt().isAfter(today)) {
                continue;
            }
            ObjectNode o = list.addObject();
            o.put("id", v.id());
            o.put("subprocessor", v.isSubprocessor());
            long age = ChronoUnit.DAYS.between(v.lastReview(), today);
            o.put("last_review", v.lastReview().toString());
            o.put("age_days", age);
            boolean late = age > maxAge;
            o.put("overdue", late);
            if (late) {
                overdue.add(v.id() + " (last reviewed " + v.lastReview() + ")");
            }
        }
        payload.set("overdue", CollectorResult.strings(overdue.stream().map(s -> s.substring(0, s.indexOf(' '))).toList()));
        if (!overdue.isEmpty()) {
            return CollectorResult.fail(overdue.size() + " of " + list.size() + " vendors not reviewed within " + maxAge + " days: "
                    + String.join(", ", overdue), payload);
        }
        return CollectorResult.pass("all " + list.size() + " vendors reviewed within " + maxAge + " days", payload);
    }
}
