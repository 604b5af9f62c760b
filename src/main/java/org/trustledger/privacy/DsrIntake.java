package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.GovernanceLog;

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

    private final DsrCaseRepository cases;
    private final DsrRateLimiter rateLimiter;
    private final EmailHmac emailHmac;
    private final GovernanceLog governance;
    private final Clock clock;

    public DsrIntake(DsrCaseRepository cases, DsrRateLimiter rateLimiter, EmailHmac emailHmac, GovernanceLog governance, Clock clock) {
        this.cases = cases;
        this.rateLimiter = rateLimiter;
        this.emailHmac = emailHmac;
        this.governance = governance;
        this.clock = clock;
    }

    /**
     * Every field problem at once (400); only a well-formed request whose type does not exist under its
     * law is a 422. Field reasons never echo the submitted values.
     */
    public static Optional<DomainException> refusal(DsrSubmission s) {
        List<DomainException.Violation> errors = new ArrayList<>();
        String emailProblem = EmailAddress.problem(s.email());
        if (emailProblem != null) {
            errors.add(new DomainException.Violation("email", emailProblem));
        }
        Optional<RequestType> type = RequestType.parse(s.requestType());
        if (type.isEmpty()) {
            errors.add(new DomainException.Violation("request_type", s.requestType() == null || s.requestType().isEmpty()
                    ? "is required" : "must be one of " + TYPES));
        }
        Optional<Jurisdiction> jurisdiction = Jurisdiction.parse(s.jurisdiction());
        if (jurisdiction.isEmpty()) {
            errors.add(new DomainException.Violation("jurisdiction", s.jurisdiction() == null || s.jurisdiction().isEmpty()
                    ? "is required" : "must be one of " + JURISDICTIONS));
        }
        String detailsProblem = FreeText.problem(s.details());
        if (detailsProblem != null) {
            errors.add(new DomainException.Violation("details", detailsProblem));
        }
        if (!errors.isEmpty()) {
            return Optional.of(DomainException.invalid("The request has invalid fields.", errors));
        }
        if (!jurisdiction.get().allows(type.get())) {
            return Optional.of(new DomainException(DomainException.Kind.UNPROCESSABLE, "This request type does not exist under the chosen law.",
                    List.of(new DomainException.Violation("request_type", "is not a request type under " + jurisdiction.get().name()
                            + "; use one of " + jurisdiction.get().allowedList()))));
        }
        return Optional.empty();
    }

    /** The checked form of a submission {@link #refusal} found nothing wrong with. */
    public static Valid valid(DsrSubmission s) {
        return new Valid(EmailAddress.normalise(s.email()), RequestType.parse(s.requestType()).orElseThrow(),
                Jurisdiction.parse(s.jurisdiction()).orElseThrow(), FreeText.orNull(s.details()));
    }

    /** Counts the attempt and, if the client is within its allowance, records the request as a new case. */
    public Outcome submit(Valid request, String clientIp) {
        DsrRateLimiter.Window window = rateLimiter.window();
        Instant now = window.now().truncatedTo(ChronoUnit.MICROS);
        Instant dueAt = DsrDeadlines.dueAt(request.jurisdiction(), now);
        String token = DsrToken.create();
        EmailHmac.Digest email = emailHmac.digest(request.email());
        GovernanceLog.Queued event = governance.queued(GovernanceLog.DSR_CHANGED, "data-subject",
                DsrCaseHistory.chainDetails(DsrCaseHistory.Kind.RECEIVED, null, DsrStatus.RECEIVED, null));
        int attempts = cases.submit(new DsrCaseRepository.NewCase(clientIp, window.start(), rateLimiter.limit(), DsrToken.sha256(token),
                email, request.type(), request.jurisdiction(), request.details(), now, dueAt, event));
        return rateLimiter.verdict(window, attempts).<Outcome>map(Limited::new)
                .orElseGet(() -> new Receipt(token, DsrStatus.RECEIVED.wire(), dueAt));
    }

    /** The requester's view of their case; empty for a malformed or unknown token alike. */
    @Transactional
    public Optional<StatusView> status(String token) {
        if (!DsrToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return cases.byTokenSha256(DsrToken.sha256(token)).map(c -> new StatusView(c.status, c.requestType, c.jurisdiction,
                c.receivedAt, c.effectiveDueAt(), c.updatedAt));
    }
}
