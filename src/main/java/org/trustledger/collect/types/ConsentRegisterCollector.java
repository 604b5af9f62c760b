package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.system.LegalBasis;
import org.trustledger.system.ProcessingActivity;
import org.trustledger.system.SystemDescription;

/**
 * The consent register (GDPR Art. 7): every active consent purpose has been reviewed within
 * {@code max_age_days} and says how consent is withdrawn and where proof of it is kept. An empty register
 * fails only when the system description has a processing activity based on consent (Art. 6(1)(a)).
 */
@ApplicationScoped
public class ConsentRegisterCollector implements CollectorType {

    private final SystemDescription system;
    private final DataSource db;

    public ConsentRegisterCollector(SystemDescription system, DataSource db) {
        this.system = system;
        this.db = db;
    }

    @Override
    public String name() {
        return "consent-register";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("max_age_days", Param.Kind.INTEGER, "an active purpose must have been reviewed within this many days (default 365)"));
    }

    @Override
    public void validate(JsonNode params, ProblemSink problems) {
        RegisterParams.days(params, "max_age_days", 1, 3650, problems);
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        return check(system, d.params(), ctx.now());
    }

    /** The judgement over a given model, so that tests can pass a modified one. */
    public CollectorResult check(SystemDescription model, JsonNode params, Instant now) throws SQLException {
        int maxAge = params.path("max_age_days").asInt(365);
        Instant oldest = now.minus(Duration.ofDays(maxAge));
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        payload.put("max_age_days", maxAge);
        List<String> consentActivities = model.processingActivities().stream()
                .filter(a -> a.legalBasis() == LegalBasis.CONSENT).map(ProcessingActivity::id).toList();
        payload.set("consent_based_activities", CollectorResult.strings(consentActivities));
        ArrayNode list = payload.putArray("purposes");
        List<String> failing = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, purpose_id, legal_text_version, last_reviewed_at,"
                        + " btrim(withdrawal_method) <> '', btrim(proof_location) <> '' FROM consent_purpose WHERE status = 'active'"
                        + " ORDER BY purpose_id, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ObjectNode o = list.addObject();
                String purpose = rs.getString(2);
                o.put("id", rs.getLong(1));
                o.put("purpose_id", purpose);
                o.put("legal_text_version", rs.getString(3));
                Timestamp reviewed = rs.getTimestamp(4);
                o.put("last_reviewed_at", reviewed == null ? null : reviewed.toInstant().toString());
                List<String> problems = new ArrayList<>();
                if (reviewed == null) {
                    problems.add("never reviewed");
                } else if (reviewed.toInstant().isBefore(oldest)) {
                    problems.add("not reviewed within " + maxAge + " days");
                }
                if (!rs.getBoolean(5)) {
                    problems.add("no withdrawal method");
                }
                if (!rs.getBoolean(6)) {
                    problems.add("no proof location");
                }
                o.set("problems", CollectorResult.strings(problems));
                if (!problems.isEmpty()) {
                    failing.add(purpose + " (" + String.join(", ", problems) + ")");
                }
            }
        }
        if (list.isEmpty()) {
            if (!consentActivities.isEmpty()) {
                return CollectorResult.fail("no consent purposes recorded, but processing activities rely on consent: "
                        + String.join(", ", consentActivities), payload);
            }
            return CollectorResult.pass("no consent purposes recorded and no processing activity relies on consent", payload);
        }
        if (!failing.isEmpty()) {
            return CollectorResult.fail(failing.size() + " of " + list.size() + " active consent purposes fall short: "
                    + String.join("; ", failing), payload);
        }
        return CollectorResult.pass("all " + list.size() + " active consent purposes reviewed within " + maxAge
                + " days, with withdrawal method and proof location", payload);
    }
}
