package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.Rfc3339;

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
    public static final String STAFF_ACCOUNT_CHANGED = "staff_account_changed";
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

    /** A checked event for {@code governance_outbox}: its details canonical, the queue time inside as {@code recorded_at}. */
    public record Queued(OffsetDateTime recordedAt, String kind, String actor, byte[] details) {
    }

    /**
     * An event to queue in {@code governance_outbox} rather than append now, for public, high-volume paths where a
     * chain append per request would serialise requests on the head lock; {@link GovernanceOutbox} appends it
     * within seconds. The caller inserts the row in its own statement, usually because the subject is a row id
     * that statement creates, and keeps that subject within {@link GovernanceChain#MAX_SUBJECT}.
     */
    public Queued queued(String kind, String actor, Map<String, ?> details) {
        ObjectNode tree = details == null ? mapper.createObjectNode() : mapper.valueToTree(details);
        Instant now = clock.instant();
        tree.put("recorded_at", Rfc3339.format(Rfc3339.millis(now)));
        GovernanceChain.checkEvent(kind, actor, null, tree);
        return new Queued(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), kind, actor, Jcs.canonicalize(tree));
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
