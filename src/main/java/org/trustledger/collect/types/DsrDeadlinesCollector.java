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
import java.util.List;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.CollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * Data-subject request deadlines (GDPR Art. 12(3)): open cases whose effective deadline (the extension if
 * there is one) has passed fail the check; cases due within {@code warn_days} are listed as a warning. The
 * payload names cases by id, jurisdiction, status and deadline only: never the requester or the request text.
 */
@ApplicationScoped
public class DsrDeadlinesCollector implements CollectorType {

    private final DataSource db;

    public DsrDeadlinesCollector(DataSource db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "dsr-deadlines";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("warn_days", Param.Kind.INTEGER, "open cases due within this many days are listed as due soon (default 7)"));
    }

    @Override
    public void validate(JsonNode params, ProblemSink problems) {
        RegisterParams.days(params, "warn_days", 0, 90, problems);
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        int warnDays = d.params().path("warn_days").asInt(7);
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        payload.put("warn_days", warnDays);
        ArrayNode overdue = payload.putArray("overdue");
        ArrayNode dueSoon = payload.putArray("due_soon");
        int open;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM dsr_case WHERE status NOT IN ('completed', 'rejected')");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                open = rs.getInt(1);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, jurisdiction, status, COALESCE(extended_until, due_at) AS effective_due, extended_until IS NOT NULL
                    FROM dsr_case WHERE status NOT IN ('completed', 'rejected') AND COALESCE(extended_until, due_at) < ?
                    ORDER BY effective_due, id""")) {
                s.setTimestamp(1, Timestamp.from(now.plus(Duration.ofDays(warnDays))));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Instant due = rs.getTimestamp(4).toInstant();
                        boolean late = due.isBefore(now);
                        ObjectNode o = (late ? overdue : dueSoon).addObject();
                        o.put("id", rs.getLong(1));
                        o.put("jurisdiction", rs.getString(2));
                        o.put("status", rs.getString(3));
                        o.put("due_at", due.toString());
                        o.put("extended", rs.getBoolean(5));
                        if (late) {
                            o.put("days_overdue", Duration.between(due, now).toDays());
                        }
                    }
                }
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
