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
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * Access review over TrustLedger's own accounts: enabled staff accounts unused for too long, roles not
 * reviewed within the interval, and service-account tokens past expiry that nobody revoked.
 */
@ApplicationScoped
public class AccessReviewCollector extends BaseCollectorType {

    private static final Param INACTIVE_DAYS = Param.integer("inactive_days", 1, 3650, 90, "an enabled account unused this long is flagged");
    private static final Param ROLE_REVIEW_DAYS = Param.integer("role_review_days", 1, 3650, 180,
            "roles must have been reviewed within this many days");

    private final DataSource db;

    public AccessReviewCollector(DataSource db) {
        super("access-review", INACTIVE_DAYS, ROLE_REVIEW_DAYS);
        this.db = db;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws SQLException {
        int inactiveDays = INACTIVE_DAYS.intIn(d.params());
        int reviewDays = ROLE_REVIEW_DAYS.intIn(d.params());
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("inactive_days", inactiveDays);
        payload.put("role_review_days", reviewDays);
        List<String> findings = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            int accounts;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM staff_account WHERE enabled")) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    accounts = rs.getInt(1);
                }
            }
            payload.put("enabled_accounts", accounts);
            ArrayNode inactive = payload.putArray("inactive_accounts");
            try (PreparedStatement s = c.prepareStatement("SELECT username, COALESCE(last_login_at, created_at) FROM staff_account"
                    + " WHERE enabled AND COALESCE(last_login_at, created_at) < ? ORDER BY username")) {
                s.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(inactiveDays))));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inactive.addObject().put("username", rs.getString(1)).put("last_active_at", rs.getTimestamp(2).toInstant().toString());
                    }
                }
            }
            if (!inactive.isEmpty()) {
                findings.add(inactive.size() + " enabled accounts inactive for over " + inactiveDays + " days");
            }
            ArrayNode unreviewed = payload.putArray("roles_not_reviewed");
            try (PreparedStatement s = c.prepareStatement("SELECT username, roles_reviewed_at FROM staff_account"
                    + " WHERE enabled AND roles_reviewed_at < ? ORDER BY username")) {
                s.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(reviewDays))));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        unreviewed.addObject().put("username", rs.getString(1)).put("roles_reviewed_at", rs.getTimestamp(2).toInstant().toString());
                    }
                }
            }
            if (!unreviewed.isEmpty()) {
                findings.add(unreviewed.size() + " accounts with roles not reviewed within " + reviewDays + " days");
            }
            ArrayNode tokens = payload.putArray("expired_unrevoked_tokens");
            try (PreparedStatement s = c.prepareStatement("SELECT id, collector_id, label, expires_at FROM collector_token"
                    + " WHERE revoked_at IS NULL AND expires_at <= ? ORDER BY id")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tokens.addObject().put("id", rs.getLong(1)).put("collector_id", rs.getString(2)).put("label", rs.getString(3))
                                .put("expired_at", rs.getTimestamp(4).toInstant().toString());
                    }
                }
            }
            if (!tokens.isEmpty()) {
                findings.add(tokens.size() + " expired service tokens not revoked");
            }
            if (findings.isEmpty()) {
                return CollectorResult.pass(accounts + " enabled accounts active and reviewed; no expired unrevoked tokens", payload);
            }
            return CollectorResult.fail(String.join("; ", findings), payload);
        }
    }
}
