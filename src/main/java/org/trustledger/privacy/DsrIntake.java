package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.web.Problem;

/** Checks a submission and records it as a new case, in one statement. */
@ApplicationScoped
public class DsrIntake {

    /** A checked submission: everything {@link #receive} needs, email already normalised. */
    public record Valid(String email, RequestType type, Jurisdiction jurisdiction, String details) {
    }

    /** What a submission comes to: a new case, or none because the client has used up its hourly allowance. */
    public sealed interface Outcome permits Receipt, Limited {
    }

    /** What the requester gets back: the token exists only here and in their hands. */
    public record Receipt(String token, String status, Instant dueAt) implements Outcome {
    }

    /** Refused by the rate limit; nothing was written but the count. */
    public record Limited(Duration retryAfter) implements Outcome {
    }

    public record StatusView(String status, String requestType, String jurisdiction, Instant receivedAt, Instant dueAt,
            Instant updatedAt) {
    }

    private static final String TYPES = Arrays.stream(RequestType.values()).map(RequestType::wire).collect(Collectors.joining(", "));
    private static final String JURISDICTIONS = Arrays.stream(Jurisdiction.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final DataSource dataSource;
    private final DsrRateLimiter rateLimiter;
    private final EmailHmac emailHmac;
    private final GovernanceLog governance;
    private final Clock clock;

    public DsrIntake(DataSource dataSource, DsrRateLimiter rateLimiter, EmailHmac emailHmac, GovernanceLog governance, Clock clock) {
        this.dataSource = dataSource;
        this.rateLimiter = rateLimiter;
        this.emailHmac = emailHmac;
        this.governance = governance;
        this.clock = clock;
    }

    /**
     * Every field problem at once (400); only a well-formed request whose type does not exist under its
     * law is a 422. Field reasons never echo the submitted values.
     */
    public static Problem problemWith(DsrSubmission s) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String emailProblem = EmailAddress.problem(s.email());
        if (emailProblem != null) {
            errors.add(new Problem.FieldError("email", emailProblem));
        }
        Optional<RequestType> type = RequestType.parse(s.requestType());
        if (type.isEmpty()) {
            errors.add(new Problem.FieldError("request_type", s.requestType() == null || s.requestType().isEmpty()
                    ? "is required" : "must be one of " + TYPES));
        }
        Optional<Jurisdiction> jurisdiction = Jurisdiction.parse(s.jurisdiction());
        if (jurisdiction.isEmpty()) {
            errors.add(new Problem.FieldError("jurisdiction", s.jurisdiction() == null || s.jurisdiction().isEmpty()
                    ? "is required" : "must be one of " + JURISDICTIONS));
        }
        String detailsProblem = FreeText.problem(s.details());
        if (detailsProblem != null) {
            errors.add(new Problem.FieldError("details", detailsProblem));
        }
        if (!errors.isEmpty()) {
            return Problem.invalid(400, "The request has invalid fields.", errors);
        }
        if (!jurisdiction.get().allows(type.get())) {
            return Problem.invalid(422, "This request type does not exist under the chosen law.",
                    List.of(new Problem.FieldError("request_type", "is not a request type under " + jurisdiction.get().name()
                            + "; use one of " + jurisdiction.get().allowedList())));
        }
        return null;
    }

    /** The checked form of a submission {@link #problemWith} accepted. */
    public static Valid valid(DsrSubmission s) {
        return new Valid(EmailAddress.normalise(s.email()), RequestType.parse(s.requestType()).orElseThrow(),
                Jurisdiction.parse(s.jurisdiction()).orElseThrow(), FreeText.orNull(s.details()));
    }

    /**
     * The public hot path in one statement, so one round trip and one commit: count the attempt against the client's
     * hourly allowance and, only if it is within it, insert the case, its receipt event and the queued governance
     * event. The statement is atomic in auto-commit, so there is never a case without its events, nor an
     * uncounted one.
     */
    static final String SUBMIT = "WITH attempt AS (" + DsrRateLimiter.COUNT + """
            ), new_case AS (
                INSERT INTO dsr_case (token_sha256, email_hmac, email_key_id, request_type, jurisdiction, details, status,
                                      received_at, due_at, updated_at)
                SELECT ?, ?, ?, ?, ?, ?, 'received', ?, ?, ? FROM attempt WHERE attempts <= ?
                RETURNING id
            ), receipt_event AS (
                INSERT INTO dsr_case_event (case_id, at, actor, kind, from_status, to_status)
                SELECT id, ?, NULL, 'received', NULL, 'received' FROM new_case
            ), queued AS (
                INSERT INTO governance_outbox (recorded_at, kind, actor, subject, details)
                SELECT ?, ?, ?, 'dsr:' || id, ? FROM new_case
            )
            SELECT attempts FROM attempt
            """;

    /** Counts the attempt and, if the client is within its allowance, records the request as a new case. */
    public Outcome submit(Valid request, String clientIp) {
        DsrRateLimiter.Window window = rateLimiter.window();
        Instant now = window.now().truncatedTo(ChronoUnit.MICROS);
        Instant dueAt = DsrDeadlines.dueAt(request.jurisdiction(), now);
        String token = DsrToken.create();
        EmailHmac.Digest email = emailHmac.digest(request.email());
        GovernanceLog.Queued event = governance.queued(GovernanceLog.DSR_CHANGED, "data-subject",
                DsrCaseHistory.chainDetails(DsrCaseHistory.Kind.RECEIVED, null, DsrStatus.RECEIVED, null));
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int attempts;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUBMIT)) {
            int i = 0;
            ps.setString(++i, clientIp);
            ps.setObject(++i, OffsetDateTime.ofInstant(window.start(), ZoneOffset.UTC));
            ps.setBytes(++i, DsrToken.sha256(token));
            ps.setBytes(++i, email.hmac());
            ps.setString(++i, email.keyId());
            ps.setString(++i, request.type().wire());
            ps.setString(++i, request.jurisdiction().name());
            ps.setString(++i, request.details());
            ps.setObject(++i, at);
            ps.setObject(++i, OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC));
            ps.setObject(++i, at);
            ps.setInt(++i, rateLimiter.limit());
            ps.setObject(++i, at);
            ps.setObject(++i, event.recordedAt());
            ps.setString(++i, event.kind());
            ps.setString(++i, event.actor());
            ps.setBytes(++i, event.details());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                attempts = rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DSR intake: " + e.getSQLState(), e);
        }
        return rateLimiter.verdict(window, attempts).<Outcome>map(Limited::new)
                .orElseGet(() -> new Receipt(token, DsrStatus.RECEIVED.wire(), dueAt));
    }

    /** The requester's view of their case; empty for a malformed or unknown token alike. */
    public Optional<StatusView> status(String token) {
        if (!DsrToken.isWellFormed(token)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT status, request_type, jurisdiction, received_at, COALESCE(extended_until, due_at), updated_at
                  FROM dsr_case WHERE token_sha256 = ?
                """)) {
            ps.setBytes(1, DsrToken.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StatusView(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                        instant(rs, 6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DSR status: " + e.getSQLState(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
