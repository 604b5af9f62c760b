package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.config.ConfigFileException;
import org.trustledger.policies.Policy;
import org.trustledger.policies.PolicyLibrary;

/**
 * Policy review currency: every policy in {@code policies/} (or those named) must have been approved
 * within its own review interval. The files are read again on every run, so a re-approval counts at once.
 */
@ApplicationScoped
public class PolicyCurrencyCollector extends BaseCollectorType {

    private final PolicyLibrary library;

    public PolicyCurrencyCollector(PolicyLibrary library) {
        super("policy-currency", Param.optional("policies", Param.Kind.STRING_LIST, "ids of the policies to check; all policies when absent"));
        this.library = library;
    }

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        JsonNode ids = params.path("policies");
        if (params.has("policies") && ids.isEmpty()) {
            problems.add("params.policies", "must name at least one policy, or be left out to check all");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (library.policy(ids.get(i).asText()).isEmpty()) {
                problems.add("params.policies[" + i + "]", "no policy with id '" + ids.get(i).asText() + "' in " + library.dir());
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        List<Policy> all;
        try {
            all = library.reload();
        } catch (ConfigFileException e) {
            return CollectorResult.error("policy library no longer validates: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> wanted = new ArrayList<>();
        d.params().path("policies").forEach(n -> wanted.add(n.asText()));
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_on", today.toString());
        ArrayNode list = payload.putArray("policies");
        List<String> overdue = new ArrayList<>();
        List<String> missing = new ArrayList<>(wanted);
        for (Policy p : all) {
            if (!wanted.isEmpty() && !wanted.contains(p.id())) {
                continue;
            }
            missing.remove(p.id());
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("title", p.title());
            o.put("version", p.version());
            o.put("owner", p.owner());
            o.put("approved_at", p.approvedAt().toString());
            o.put("review_interval_days", p.reviewIntervalDays());
            o.put("review_due", p.reviewDue().toString());
            boolean late = p.isOverdueOn(today);
            o.put("overdue", late);
            if (late) {
                long days = ChronoUnit.DAYS.between(p.reviewDue(), today);
                o.put("days_overdue", days);
                overdue.add(p.id() + " (due " + p.reviewDue() + ", " + days + " days overdue)");
            }
        }
        if (!missing.isEmpty()) {
            payload.set("missing", CollectorResult.strings(missing));
            return CollectorResult.fail("policies missing from the library: " + String.join(", ", missing), payload);
        }
        if (list.isEmpty()) {
            return CollectorResult.fail("no policies found in " + library.dir(), payload);
        }
        if (!overdue.isEmpty()) {
            return CollectorResult.fail(overdue.size() + " of " + list.size() + " policies overdue for review: " + String.join("; ", overdue),
                    payload);
        }
        return CollectorResult.pass("all " + list.size() + " policies approved within their review interval", payload);
    }
}
