package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustledger.SqlValues;
import org.trustledger.web.Problem;

/** Checks a submission and records it as a new case, in one short transaction. */
@ApplicationScoped
public class DsrIntake {

    /** A checked submission: everything {@link #receive} needs, email already normalised. */
    public record Valid(String email, RequestType type, Jurisdiction jurisdiction, String details) {
    }

    /** What the requester gets back: the token exists only here and in their hands. */
    public record Receipt(String token, String status, Instant dueAt) {
    }

    public record StatusView(String status, String requestType, String jurisdiction, Instant receivedAt, Instant dueAt,
            Instant updatedAt) {
    }

    private static final String TYPES = Arrays.stream(RequestType.values()).map(RequestType::wire).collect(Collectors.joining(", "));
    private static final String JURISDICTIONS = Arrays.stream(Jurisdiction.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final EntityManager em;
    private final EmailHmac emailHmac;
    private final DsrCaseHistory history;
    private final Clock clock;

    public DsrIntake(EntityManager em, EmailHmac emailHmac, DsrCaseHistory history, Clock clock) {
        this.em = em;
        this.emailHmac = emailHmac;
        this.history = history;
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

    @Transactional
    public Receipt receive(Valid request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant dueAt = DsrDeadlines.dueAt(request.jurisdiction(), now);
        String token = DsrToken.create();
        EmailHmac.Digest email = emailHmac.digest(request.email());
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO dsr_case (token_sha256, email_hmac, email_key_id, request_type, jurisdiction, details, status,
                                      received_at, due_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8) RETURNING id
                """)
                .setParameter(1, DsrToken.sha256(token))
                .setParameter(2, email.hmac())
                .setParameter(3, email.keyId())
                .setParameter(4, request.type().wire())
                .setParameter(5, request.jurisdiction().name())
                .setParameter(6, request.details())
                .setParameter(7, DsrStatus.RECEIVED.wire())
                .setParameter(8, Timestamp.from(now))
                .setParameter(9, Timestamp.from(dueAt))
                .getSingleResult();
        history.record(id.longValue(), now, null, DsrCaseHistory.Kind.RECEIVED, null, DsrStatus.RECEIVED, null);
        return new Receipt(token, DsrStatus.RECEIVED.wire(), dueAt);
    }

    /** The requester's view of their case; empty for a malformed or unknown token alike. */
    @Transactional
    public Optional<StatusView> status(String token) {
        if (!DsrToken.isWellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT status, request_type, jurisdiction, received_at, COALESCE(extended_until, due_at), updated_at
                  FROM dsr_case WHERE token_sha256 = ?1
                """)
                .setParameter(1, DsrToken.sha256(token))
                .getResultList();
        return rows.stream().findFirst().map(r -> new StatusView((String) r[0], (String) r[1], (String) r[2],
                SqlValues.instant(r[3]), SqlValues.instant(r[4]), SqlValues.instant(r[5])));
    }
}
