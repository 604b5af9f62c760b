package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/** Record of processing activities currency (GDPR Art. 30): a RoPA report rendered within {@code max_age_days}. */
@ApplicationScoped
public class RopaCurrencyCollector implements CollectorType {

    private final DataSource db;

    public RopaCurrencyCollector(DataSource db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "ropa-currency";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("max_age_days", Param.Kind.INTEGER, "the latest rendered RoPA may be at most this old (default 35)"));
    }

    @Override
    public void validate(JsonNode params, ProblemSink problems) {
        RegisterParams.days(params, "max_age_days", 1, 3650, problems);
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        int maxAge = d.params().path("max_age_days").asInt(35);
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        payload.put("max_age_days", maxAge);
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, period, generated_at, generated_by, encode(sha256, 'hex') FROM report"
                        + " WHERE kind = 'ropa' ORDER BY generated_at DESC, id DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return CollectorResult.fail("no RoPA report has been rendered", payload);
            }
            Instant at = rs.getTimestamp(3).toInstant();
            long age = Duration.between(at, now).toDays();
            payload.putObject("latest").put("id", rs.getLong(1)).put("period", rs.getString(2)).put("generated_at", at.toString())
                    .put("generated_by", rs.getString(4)).put("sha256", rs.getString(5)).put("age_days", age);
            if (at.isBefore(now.minus(Duration.ofDays(maxAge)))) {
                return CollectorResult.fail("latest RoPA report (" + rs.getLong(1) + ") was rendered " + at + ", " + age
                        + " days ago, older than " + maxAge + " days", payload);
            }
            return CollectorResult.pass("RoPA report " + rs.getLong(1) + " for " + rs.getString(2) + " rendered " + at, payload);
        }
    }
}
