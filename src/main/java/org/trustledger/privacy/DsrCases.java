package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustledger.common.DomainException;

/**
 * Staff work on cases: listing, status changes, the one extension, and finding a requester's cases. Every rule on
 * what staff send is checked here, so the JSON API and the console pages refuse the same input the same way.
 */
@ApplicationScoped
public class DsrCases {

    /** A case as staff see it in lists; never the email digest or the token hash. */
    public record CaseView(long id, String requestType, String jurisdiction, String status, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant updatedAt) {

        /** The deadline that holds: the extended one once there is one. */
        public Instant effectiveDueAt() {
            return extendedUntil != null ? extendedUntil : dueAt;
        }
    }

    public record EventView(Instant at, String actor, String kind, String fromStatus, String toStatus, String note) {
    }

    public record CaseDetail(long id, String requestType, String jurisdiction, String status, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant updatedAt, String details, List<EventView> events) {

        public Instant effectiveDueAt() {
            return extendedUntil != null ? extendedUntil : dueAt;
        }
    }

    /**
     * Which cases the console queue shows: the open ones (no status given), every case ({@code all}) or one status,
     * optionally of one request type.
     */
    public record QueueFilter(Optional<DsrStatus> status, boolean openOnly, Optional<RequestType> type) {
    }

    /** The queue's status filter value for every case, open or closed. */
    public static final String ALL = "all";

    private static final String TRANSITION_TARGETS = Arrays.stream(DsrStatus.values()).filter(s -> s != DsrStatus.RECEIVED)
            .map(DsrStatus::wire).collect(Collectors.joining(", "));

    private final DsrCaseRepository repository;
    private final EmailHmac emailHmac;
    private final DsrCaseHistory history;
    private final Clock clock;

    public DsrCases(DsrCaseRepository repository, EmailHmac emailHmac, DsrCaseHistory history, Clock clock) {
        this.repository = repository;
        this.emailHmac = emailHmac;
        this.history = history;
        this.clock = clock;
    }

    /** The API's filters as sent: absent or empty means no filter, an unknown value is a 400 naming the parameter. */
    @Transactional
    public List<CaseView> list(String status, String jurisdiction) {
        return repository.list(filter("status", status, DsrStatus.parse(status)), filter("jurisdiction", jurisdiction, Jurisdiction.parse(jurisdiction)))
                .stream().map(DsrCaseEntity::view).toList();
    }

    /** The console queue's filters as sent: status absent means open cases, {@code all} every case. */
    public static QueueFilter queueFilter(String status, String type) {
        boolean all = ALL.equals(status);
        Optional<DsrStatus> one = all ? Optional.empty() : filter("status", status, DsrStatus.parse(status));
        return new QueueFilter(one, !all && one.isEmpty(), filter("type", type, RequestType.parse(type)));
    }

    /** One page of the queue, by the deadline that applies, earliest first; {@code limit} rows from {@code offset}. */
    @Transactional
    public List<CaseView> queue(QueueFilter filter, int offset, int limit) {
        return repository.queue(filter, offset, limit).stream().map(DsrCaseEntity::view).toList();
    }

    /** A requester's cases, by their email address as typed (checked and normalised here). */
    public List<CaseView> search(String email) {
        String problem = EmailAddress.problem(email);
        if (problem != null) {
            throw DomainException.invalid("email", problem);
        }
        return findByEmail(EmailAddress.normalise(email));
    }

    /** The cases whose email digest matches under any key still known, so rotation does not hide old cases. */
    @Transactional
    public List<CaseView> findByEmail(String normalisedEmail) {
        List<CaseView> found = new ArrayList<>();
        for (EmailHmac.Digest d : emailHmac.digestsWithEveryKey(normalisedEmail)) {
            repository.byEmail(d).forEach(c -> found.add(c.view()));
        }
        return found;
    }

    @Transactional
    public Optional<CaseDetail> get(long id) {
        return repository.findByIdOptional(id).map(c -> new CaseDetail(c.id, c.requestType, c.jurisdiction, c.status, c.receivedAt,
                c.dueAt, c.extendedUntil, c.extensionReason, c.updatedAt, c.details,
                repository.events(id).stream().map(DsrCaseEventEntity::view).toList()));
    }

    /**
     * Moves a case on, {@code to} and {@code note} as sent: 400 for a malformed value, 422 for a rejection without
     * a reason, then not found if the case does not exist, a conflict if the move is not allowed from where it stands.
     */
    @Transactional
    public CaseView transition(long id, String to, String note, String actor) {
        List<DomainException.Violation> errors = new ArrayList<>();
        Optional<DsrStatus> target = DsrStatus.parse(to).filter(s -> s != DsrStatus.RECEIVED);
        if (target.isEmpty()) {
            errors.add(new DomainException.Violation("to", to == null ? "is required" : "must be one of " + TRANSITION_TARGETS));
        }
        String text = FreeText.orNull(note);
        String problem = FreeText.problem(text);
        if (problem != null) {
            errors.add(new DomainException.Violation("note", problem));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The request has invalid fields.", errors);
        }
        if (target.get() == DsrStatus.REJECTED && (text == null || text.isBlank())) {
            // GDPR Art. 12(4): the requester must be told why; the reason is kept with the case.
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "Rejecting a request needs a note giving the reason.",
                    List.of(new DomainException.Violation("note", "is required when rejecting")));
        }
        DsrCaseEntity c = repository.lock(id);
        DsrStatus from = DsrStatus.parse(c.status).orElseThrow();
        if (!from.canMoveTo(target.get())) {
            throw DomainException.conflict("A case in status " + from.wire() + " cannot move to " + target.get().wire() + ".");
        }
        Instant now = now();
        c.status = target.get().wire();
        c.updatedAt = now;
        history.record(id, now, actor, DsrCaseHistory.Kind.TRANSITION, from, target.get(), text);
        return c.view();
    }

    /**
     * The one extension the law allows, with the reason as sent (required, told to the requester). It must be decided
     * while the original deadline runs (GDPR Art. 12(3) and CCPA §1798.130(a)(2)(A) both require telling the requester
     * within that period), and a closed case has nothing left to extend.
     */
    @Transactional
    public CaseView extend(long id, String reason, String actor) {
        String problem = reason == null || reason.isBlank() ? "is required" : FreeText.problem(reason);
        if (problem != null) {
            throw DomainException.invalid("reason", problem);
        }
        DsrCaseEntity c = repository.lock(id);
        Jurisdiction jurisdiction = Jurisdiction.parse(c.jurisdiction).orElseThrow();
        DsrStatus status = DsrStatus.parse(c.status).orElseThrow();
        Instant now = now();
        Optional<String> refusal = extensionRefusal(jurisdiction, status, c.dueAt, c.extendedUntil, now);
        if (refusal.isPresent()) {
            throw DomainException.conflict(refusal.get());
        }
        c.extendedUntil = DsrDeadlines.endOf(DsrDeadlines.extendedDueDate(jurisdiction, DsrDeadlines.dateOf(c.dueAt)).orElseThrow());
        c.extensionReason = reason;
        c.updatedAt = now;
        history.record(id, now, actor, DsrCaseHistory.Kind.EXTENSION, status, status, reason);
        return c.view();
    }

    /** Why the case cannot be extended now, or empty when it can: the page offers the form only then. */
    public Optional<String> extensionRefusal(CaseDetail c) {
        return extensionRefusal(Jurisdiction.parse(c.jurisdiction()).orElseThrow(), DsrStatus.parse(c.status()).orElseThrow(), c.dueAt(),
                c.extendedUntil(), now());
    }

    private static Optional<String> extensionRefusal(Jurisdiction jurisdiction, DsrStatus status, Instant dueAt, Instant extendedUntil,
            Instant now) {
        if (extendedUntil != null) {
            return Optional.of("This case has already been extended; the law allows one extension.");
        }
        Optional<LocalDate> extended = DsrDeadlines.extendedDueDate(jurisdiction, DsrDeadlines.dateOf(dueAt));
        if (extended.isEmpty()) {
            return Optional.of("The Swiss FADP sets no extension of the 30-day period.");
        }
        if (status.isClosed()) {
            return Optional.of("A " + status.wire() + " case cannot be extended.");
        }
        if (now.isAfter(dueAt)) {
            return Optional.of("The original deadline has passed; an extension must be decided and told to the requester before it.");
        }
        return Optional.empty();
    }

    /** The application clock's now, as the pages judge deadlines. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Optional<T> filter(String name, String raw, Optional<T> parsed) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (parsed.isEmpty()) {
            throw DomainException.invalid("Unknown filter value.", List.of(new DomainException.Violation(name, "is not a known value")));
        }
        return parsed;
    }
}
