package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;

/** Staff work on cases: listing, status changes, the one extension, and finding a requester's cases. */
@ApplicationScoped
public class DsrCases {

    /** A case as staff see it in lists; never the email digest or the token hash. */
    public record CaseView(long id, String requestType, String jurisdiction, String status, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant updatedAt) {
    }

    public record EventView(Instant at, String actor, String kind, String fromStatus, String toStatus, String note) {
    }

    public record CaseDetail(long id, String requestType, String jurisdiction, String status, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant updatedAt, String details, List<EventView> events) {
    }

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

    @Transactional
    public List<CaseView> list(Optional<DsrStatus> status, Optional<Jurisdiction> jurisdiction) {
        return repository.list(status, jurisdiction).stream().map(DsrCaseEntity::view).toList();
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

    /** Moves a case on; not found if it does not exist, a conflict if the move is not allowed from where it stands. */
    @Transactional
    public CaseView transition(long id, DsrStatus to, String note, String actor) {
        DsrCaseEntity c = repository.lock(id);
        DsrStatus from = DsrStatus.parse(c.status).orElseThrow();
        if (!from.canMoveTo(to)) {
            throw DomainException.conflict("A case in status " + from.wire() + " cannot move to " + to.wire() + ".");
        }
        Instant now = now();
        c.status = to.wire();
        c.updatedAt = now;
        history.record(id, now, actor, DsrCaseHistory.Kind.TRANSITION, from, to, note);
        return c.view();
    }

    /**
     * The one extension the law allows. It must be decided while the original deadline runs (GDPR
     * Art. 12(3) and CCPA §1798.130(a)(2)(A) both require telling the requester within that period),
     * and a closed case has nothing left to extend.
     */
    @Transactional
    public CaseView extend(long id, String reason, String actor) {
        DsrCaseEntity c = repository.lock(id);
        Jurisdiction jurisdiction = Jurisdiction.parse(c.jurisdiction).orElseThrow();
        DsrStatus status = DsrStatus.parse(c.status).orElseThrow();
        Instant now = now();
        if (c.extendedUntil != null) {
            throw DomainException.conflict("This case has already been extended; the law allows one extension.");
        }
        Optional<LocalDate> extended = DsrDeadlines.extendedDueDate(jurisdiction, DsrDeadlines.dateOf(c.dueAt));
        if (extended.isEmpty()) {
            throw DomainException.conflict("The Swiss FADP sets no extension of the 30-day period.");
        }
        if (status.isClosed()) {
            throw DomainException.conflict("A " + status.wire() + " case cannot be extended.");
        }
        if (now.isAfter(c.dueAt)) {
            throw DomainException.conflict("The original deadline has passed; an extension must be decided and told to the requester before it.");
        }
        c.extendedUntil = DsrDeadlines.endOf(extended.get());
        c.extensionReason = reason;
        c.updatedAt = now;
        history.record(id, now, actor, DsrCaseHistory.Kind.EXTENSION, status, status, reason);
        return c.view();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
