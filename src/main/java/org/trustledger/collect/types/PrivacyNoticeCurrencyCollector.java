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
import java.util.Set;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * Privacy-notice currency (GDPR Art. 12 to 14): for each audience named, a notice is in force (the latest
 * non-retracted version published at or before now) and was published within its own review interval.
 */
@ApplicationScoped
public class PrivacyNoticeCurrencyCollector implements CollectorType {

    static final Set<String> AUDIENCES = Set.of("customers", "website_visitors", "applicants", "staff");

    private final DataSource db;

    public PrivacyNoticeCurrencyCollector(DataSource db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "privacy-notice-currency";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("audiences", Param.Kind.STRING_LIST, "audiences that must have a current notice: customers, website_visitors, applicants, staff"));
    }

    @Override
    public void validate(JsonNode params, ProblemSink problems) {
        JsonNode list = params.path("audiences");
        if (list.isEmpty()) {
            problems.add("params.audiences", "must name at least one audience");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!AUDIENCES.contains(list.get(i).asText())) {
                problems.add("params.audiences[" + i + "]", "unknown audience '" + list.get(i).asText()
                        + "'; one of applicants, customers, staff, website_visitors");
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        ArrayNode list = payload.putArray("audiences");
        List<String> failing = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT id, version_label, url, published_at, review_interval_days FROM privacy_notice
                        WHERE audience = ? AND retracted_at IS NULL AND published_at <= ?
                        ORDER BY published_at DESC, id DESC LIMIT 1""")) {
            for (JsonNode n : d.params().path("audiences")) {
                String audience = n.asText();
                ObjectNode o = list.addObject();
                o.put("audience", audience);
                s.setString(1, audience);
                s.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        o.put("state", "missing");
                        failing.add(audience + " (no notice in force)");
                        continue;
                    }
                    Instant published = rs.getTimestamp(4).toInstant();
                    int interval = rs.getInt(5);
                    Instant reviewDue = published.plus(Duration.ofDays(interval));
                    o.put("notice_id", rs.getLong(1));
                    o.put("version_label", rs.getString(2));
                    o.put("url", rs.getString(3));
                    o.put("published_at", published.toString());
                    o.put("review_interval_days", interval);
                    o.put("review_due", reviewDue.toString());
                    if (reviewDue.isBefore(now)) {
                        o.put("state", "review_overdue");
                        failing.add(audience + " (notice " + rs.getString(2) + " review due " + reviewDue + ")");
                    } else {
                        o.put("state", "current");
                    }
                }
            }
        }
        if (!failing.isEmpty()) {
            return CollectorResult.fail(failing.size() + " of " + list.size() + " audiences lack a current privacy notice: "
                    + String.join("; ", failing), payload);
        }
        return CollectorResult.pass("all " + list.size() + " audiences have a privacy notice in force and within its review interval", payload);
    }
}
