package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.TransferAssessment;
import org.trustledger.system.Vendor;

/**
 * Transfer impact assessment currency (GDPR Art. 44, 46): every vendor whose third-country transfer relies on
 * an Art. 46 tool or a derogation must have an assessment whose {@code next_review} is still ahead, and a TIA
 * report rendered for it within {@code max_age_days}. Vendors relying on adequacy (Art. 45) are listed as
 * needing none.
 */
@ApplicationScoped
public class TiaCurrencyCollector implements CollectorType {

    private final SystemDescription system;
    private final DataSource db;

    public TiaCurrencyCollector(SystemDescription system, DataSource db) {
        this.system = system;
        this.db = db;
    }

    @Override
    public String name() {
        return "tia-currency";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("max_age_days", Param.Kind.INTEGER, "the latest rendered TIA of a vendor may be at most this old (default 100)"));
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
        int maxAge = params.path("max_age_days").asInt(100);
        LocalDate today = RegisterParams.today(now);
        Instant oldest = now.minus(Duration.ofDays(maxAge));
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_on", today.toString());
        payload.put("max_age_days", maxAge);
        ArrayNode list = payload.putArray("vendors");
        ArrayNode adequacy = payload.putArray("adequacy_or_eea");
        List<String> failing = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, generated_at FROM report WHERE kind = 'tia' AND subject = ?"
                        + " ORDER BY generated_at DESC, id DESC LIMIT 1")) {
            for (Vendor v : model.vendors()) {
                if (!v.needsTransferAssessment()) {
                    adequacy.addObject().put("id", v.id()).set("third_countries", CollectorResult.strings(v.thirdCountries()));
                    continue;
                }
                ObjectNode o = list.addObject();
                o.put("id", v.id());
                o.set("third_countries", CollectorResult.strings(v.thirdCountries()));
                o.put("mechanism", v.transferMechanism().type().name().toLowerCase(java.util.Locale.ROOT));
                List<String> problems = new ArrayList<>();
                TransferAssessment ta = v.transferAssessment();
                if (ta == null || ta.nextReview() == null) {
                    problems.add("no transfer assessment");
                } else {
                    o.put("next_review", ta.nextReview().toString());
                    if (!ta.nextReview().isAfter(today)) {
                        problems.add("assessment review due " + ta.nextReview());
                    }
                }
                s.setString(1, v.id());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        Instant at = rs.getTimestamp(2).toInstant();
                        o.put("latest_report_id", rs.getLong(1));
                        o.put("latest_report_at", at.toString());
                        if (at.isBefore(oldest)) {
                            problems.add("latest TIA report rendered " + at + ", older than " + maxAge + " days");
                        }
                    } else {
                        problems.add("no TIA report rendered");
                    }
                }
                o.set("problems", CollectorResult.strings(problems));
                if (!problems.isEmpty()) {
                    failing.add(v.id() + ": " + String.join(", ", problems));
                }
            }
        }
        if (!failing.isEmpty()) {
            return CollectorResult.fail(failing.size() + " of " + list.size() + " vendors needing a TIA are not current: "
                    + String.join("; ", failing), payload);
        }
        return CollectorResult.pass("all " + list.size() + " vendors needing a TIA have a current assessment and a TIA rendered within "
                + maxAge + " days", payload);
    }
}
