package org.trustledger.privacy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.privacy.DpiaRepository;
import org.trustledger.system.SystemDescription;

/**
 * The DPIA register (GDPR Art. 35): each processing activity that needs a DPIA (those named in
 * {@code activities}, or else every activity with a DPIA screening whose outcome is {@code required}) has an
 * approved DPIA whose {@code next_review} has not come.
 */
@ApplicationScoped
public class DpiaRegisterCollector extends BaseCollectorType {

    private static final Param ACTIVITIES = Param.optional("activities", Param.Kind.STRING_LIST,
            "ids of processing activities that need a DPIA; when absent, every activity the register marks as required");

    private final SystemDescription system;
    private final DpiaRepository dpias;

    public DpiaRegisterCollector(SystemDescription system, DpiaRepository dpias) {
        super("dpia-register", ACTIVITIES);
        this.system = system;
        this.dpias = dpias;
    }

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        JsonNode ids = params.path("activities");
        if (params.has("activities") && ids.isEmpty()) {
            problems.add("params.activities", "must name at least one processing activity, or be left out");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (system.processingActivity(ids.get(i).asText()).isEmpty()) {
                problems.add("params.activities[" + i + "]", "no processing activity with id '" + ids.get(i).asText() + "' in the system description");
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_on", today.toString());
        Set<String> wanted = new LinkedHashSet<>();
        d.params().path("activities").forEach(n -> wanted.add(n.asText()));
        payload.put("selection", wanted.isEmpty() ? "register: outcome required" : "params.activities");
        List<String> missing = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        ArrayNode list = payload.putArray("activities");
        if (wanted.isEmpty()) {
            wanted.addAll(dpias.activitiesRequiringDpia());
        }
        for (String activity : wanted) {
            ObjectNode o = list.addObject();
            o.put("activity", activity);
            Optional<DpiaRepository.LatestApproval> latest = dpias.latestApproval(activity);
            if (latest.isEmpty()) {
                o.put("state", "missing");
                missing.add(activity);
                continue;
            }
            long id = latest.get().dpiaId();
            LocalDate nextReview = latest.get().nextReview();
            o.put("dpia_id", id);
            o.put("next_review", nextReview == null ? null : nextReview.toString());
            if (!"approved".equals(latest.get().storedStatus()) || nextReview == null || !nextReview.isAfter(today)) {
                o.put("state", "review_overdue");
                overdue.add(activity + " (DPIA " + id + ", review due " + nextReview + ")");
            } else {
                o.put("state", "current");
            }
        }
        payload.set("missing", CollectorResult.strings(missing));
        List<String> findings = new ArrayList<>();
        if (!missing.isEmpty()) {
            findings.add("no approved DPIA for " + String.join(", ", missing));
        }
        if (!overdue.isEmpty()) {
            findings.add("DPIA review overdue for " + String.join(", ", overdue));
        }
        if (!findings.isEmpty()) {
            return CollectorResult.fail(String.join("; ", findings), payload);
        }
        if (wanted.isEmpty()) {
            return CollectorResult.pass("no processing activity needs a DPIA according to the register", payload);
        }
        return CollectorResult.pass("all " + wanted.size() + " processing activities needing a DPIA have an approved, current one", payload);
    }
}
