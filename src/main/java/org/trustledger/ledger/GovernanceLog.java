package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Records governance events (see {@link GovernanceChain} for the format). Joins the caller's
 * transaction when there is one, so an event commits exactly when the action it records does.
 * Callers that also append evidence or seal must do that first (lock order: ledger, then governance).
 */
@ApplicationScoped
public class GovernanceLog {

    public static final String SYSTEM = "system";

    public static final String LOGIN = "login";
    public static final String LOGOUT = "logout";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String STAFF_ACCOUNT_CREATED = "staff_account_created";
    public static final String STAFF_ROLES_CHANGED = "staff_roles_changed";
    public static final String EVIDENCE_SUBMITTED = "evidence_submitted";
    public static final String MANIFEST_SEALED = "manifest_sealed";
    public static final String KEY_CREATED = "key_created";
    public static final String KEY_RETIRED = "key_retired";
    public static final String CONFIG_LOADED = "config_loaded";
    public static final String LEDGER_VERIFIED = "ledger_verified";
    public static final String COLLECTOR_RUN = "collector_run";
    public static final String GAP_CHANGED = "gap_changed";
    public static final String DSR_CHANGED = "dsr_changed";
    public static final String REGISTER_CHANGED = "register_changed";
    public static final String REPORT_RENDERED = "report_rendered";
    public static final String SERVICE_ACCOUNT_CHANGED = "service_account_changed";
    public static final String SERVICE_PUSH = "service_push";
    public static final String EXPORT = "export";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    public GovernanceLog(DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Records an event; {@code details} becomes a JSON object (map keys are kept as given). */
    @Transactional
    public GovernanceChain.Event record(String kind, String actor, String subject, Map<String, ?> details) {
        JsonNode tree = details == null ? null : mapper.valueToTree(details);
        return record(kind, actor, subject, tree);
    }

    @Transactional
    public GovernanceChain.Event record(String kind, String actor, String subject, JsonNode details) {
        try (Connection c = dataSource.getConnection()) {
            return GovernanceChain.append(c, kind, actor, subject, details, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record governance event " + kind, e);
        }
    }

    /**
     * Queues an event for the chain without taking the chain's head lock, in the caller's transaction; the
     * {@link GovernanceOutbox} appends it within seconds. For public, high-volume paths where a serialised chain
     * append per request would cap throughput. The queue time is kept in the details as {@code recorded_at}.
     */
    @Transactional
    public void recordLater(String kind, String actor, String subject, Map<String, ?> details) {
        ObjectNode tree = details == null ? mapper.createObjectNode() : mapper.valueToTree(details);
        Instant now = clock.instant();
        tree.put("recorded_at", Rfc3339.format(Rfc3339.millis(now)));
        GovernanceChain.checkEvent(kind, actor, subject, tree);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO governance_outbox (recorded_at, kind, actor, subject, details) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            ps.setString(2, kind);
            ps.setString(3, actor);
            ps.setString(4, subject);
            ps.setBytes(5, Jcs.canonicalize(tree));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue governance event " + kind, e);
        }
    }

    /** Events after {@code after} (exclusive), at most {@code limit}. */
    public List<GovernanceChain.Event> list(long after, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return GovernanceChain.list(c, after, limit);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public GovernanceChain.Head head() {
        try (Connection c = dataSource.getConnection()) {
            return GovernanceChain.head(c, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
