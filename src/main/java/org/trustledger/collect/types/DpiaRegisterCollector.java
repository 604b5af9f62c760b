package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.system.SystemDescription;

/**
 * The DPIA register (GDPR Art. 35): each processing activity that needs a DPIA (those named in
 * {@code activities}, or else every activity with a DPIA screening whose outcome is {@code required}) has an
 * approved DPIA whose {@code next_review} has not come.
 */
@ApplicationScoped
public class DpiaRegisterCollector implements CollectorType {

    private final SystemDescription system;
    private final DataSource db;

    public DpiaRegisterCollector(SystemDescription system, DataSource db) {
        this.system = system;
        this.db = db;
    }

    @Override
    public String name() {
        return "dpia-register";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("activities", Param.Kind.STRING_LIST,
                "ids of processing activities that need a DPIA; when absent, every activity the register marks as required"));
    }

    @Override
    public void validate(JsonNode params, ProblemSink problems) {
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
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        LocalDate today = RegisterParams.today(ctx.now());
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_on", today.toString());
        Set<String> wanted = new LinkedHashSet<>();
        d.params().path("activities").forEach(n -> wanted.add(n.asText()));
        payload.put("selection", wanted.isEmpty() ? "register: outcome required" : "params.activities");
        List<String> missing = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        ArrayNode list = payload.putArray("activities");
        try (Connection c = db.getConnection()) {
            if (wanted.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT processing_activity_id FROM dpia WHERE outcome = 'required' ORDER BY 1");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        wanted.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, status, next_review FROM dpia WHERE processing_activity_id = ? AND status IN ('approved', 'review_due')
                    ORDER BY next_review DESC NULLS LAST, id DESC LIMIT 1""")) {
                for (String activity : wanted) {
                    ObjectNode o = list.addObject();
                    o.put("activity", activity);
                    s.setString(1, activity);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            o.put("state", "missing");
                            missing.add(activity);
                            continue;
                        }
                        o.put("dpia_id", rs.getLong(1));
                        Date next = rs.getDate(3);
                        LocalDate nextReview = next == null ? null : next.toLocalDate();
                        o.put("next_review", nextReview == null ? null : nextReview.toString());
                        if (!"approved".equals(rs.getString(2)) || nextReview == null || !nextReview.isAfter(today)) {
                            o.put("state", "review_overdue");
                            overdue.add(activity + " (DPIA " + rs.getLong(1) + ", review due " + nextReview + ")");
                        } else {
                            o.put("state", "current");
                        }
                    }
                }
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
