package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustledger.common.DomainException;

/** The breach register: storage, the rules that relate its fields, notifications, closing, and missed deadlines. */
@ApplicationScoped
public class Breaches {

    /** A create or update body, as sent. Timestamps are RFC 3339 text, checked by {@link #validate}. */
    public record BreachRequest(
            String title,
            String description,
            String awareAt,
            Boolean personalDataAffected,
            String ourRole,
            Boolean highRiskToSubjects,
            Boolean authorityNotificationRequired,
            String noAuthorityNotificationReason,
            String delayReason) {
    }

    /** A notification: who was told and when (default: now). */
    public record NotificationRequest(
            String party,
            String at,
            String delayReason) {
    }

    /** A closing note, optional. */
    public record NoteRequest(String note) {
    }

    /** A checked create or update body. */
    record Input(String title, String description, Instant awareAt, boolean personalDataAffected, Breach.OurRole ourRole,
            boolean highRiskToSubjects, boolean authorityNotificationRequired, String noAuthorityNotificationReason, String delayReason) {
    }

    static final String NOT_FOUND = BreachRepository.NOT_FOUND;

    private final BreachRepository repository;
    private final RegisterHistory history;
    private final BreachDeadlines deadlines;
    private final Clock clock;

    public Breaches(BreachRepository repository, RegisterHistory history, BreachDeadlines deadlines, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Every problem with a body on its own (400), then every rule it breaks (422). */
    static Input validate(BreachRequest r, Instant now) {
        Fields f = new Fields();
        String title = f.line("title", r.title(), 200, true);
        String description = f.text("description", r.description(), 10_000, false);
        Instant awareAt = f.timestamp("aware_at", r.awareAt(), true);
        Boolean personalData = f.required("personal_data_affected", r.personalDataAffected());
        Breach.OurRole role = f.oneOf("our_role", r.ourRole(), Breach.OurRole.class, true);
        String noReason = f.text("no_authority_notification_reason", r.noAuthorityNotificationReason(), 2000, false);
        String delayReason = f.text("delay_reason", r.delayReason(), 2000, false);
        f.throwIfMalformed();

        boolean highRisk = Boolean.TRUE.equals(r.highRiskToSubjects());
        if (awareAt.isAfter(now)) {
            f.refuse("aware_at", "must not be in the future");
        }
        if (highRisk && !personalData) {
            f.refuse("high_risk_to_subjects", "can only be true when personal data is affected");
        }
        boolean expected = BreachDeadlines.authorityNotificationExpected(personalData, role);
        boolean authority = r.authorityNotificationRequired() == null ? expected : r.authorityNotificationRequired();
        if (authority && !expected) {
            f.refuse("authority_notification_required", personalData
                    ? "can only be true when we are the controller: a processor tells its controllers, who notify the authority (Art. 33(2))"
                    : "can only be true when personal data is affected (Art. 33(1))");
        }
        if (!authority && expected) {
            if (highRisk) {
                f.refuse("authority_notification_required",
                        "must be true for a breach likely to result in a high risk: Art. 33(1) exempts only breaches unlikely to result in a risk");
            } else if (noReason == null) {
                f.refuse("no_authority_notification_reason", "is required when a controller does not notify a personal data breach:"
                        + " Art. 33(1) allows that only when the breach is unlikely to result in a risk to people");
            }
        } else if (noReason != null) {
            f.refuse("no_authority_notification_reason",
                    "applies only when authority_notification_required is false for a controller's personal data breach");
        }
        f.throwIfAny();
        return new Input(title, description, awareAt, personalData, role, highRisk, authority, noReason, delayReason);
    }

    @Transactional
    public List<Breach> list(Optional<Breach.Status> status) {
        return repository.list(status).stream().map(BreachEntity::view).toList();
    }

    /** One page of the register for the console, newest awareness first: {@code limit} rows from {@code offset}. */
    @Transactional
    public List<Breach> page(Optional<Breach.Status> status, int offset, int limit) {
        return repository.page(status, offset, limit).stream().map(BreachEntity::view).toList();
    }

    @Transactional
    public Optional<Breach> find(long id) {
        return repository.findByIdOptional(id).map(BreachEntity::view);
    }

    @Transactional
    public Breach create(BreachRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        BreachEntity row = new BreachEntity();
        row.describe(in);
        row.status = Breach.Status.OPEN.wire();
        row.createdAt = now;
        row.updatedAt = now;
        repository.persistAndFlush(row);
        Breach created = row.view();
        history.record(RegisterHistory.Register.BREACH, row.id, "created", actor, now, null, created, null);
        return created;
    }

    /** Replaces the descriptive fields; recorded notifications stay and must still fit. */
    @Transactional
    public Breach update(long id, BreachRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        BreachEntity row = repository.lock(id);
        Breach before = row.view();
        if (before.status() == Breach.Status.CLOSED) {
            throw DomainException.conflict("A closed breach cannot be changed.");
        }
        row.describe(in);
        row.updatedAt = now;
        Breach after = row.view();
        List<String> orphaned = Arrays.stream(Breach.Party.values())
                .filter(p -> after.notifiedAt(p) != null && !BreachDeadlines.required(after, p))
                .map(Breach.Party::wire).toList();
        if (!orphaned.isEmpty()) {
            throw DomainException.conflict("A notification of " + String.join(", ", orphaned)
                    + " is recorded; the change would make it not required.");
        }
        Fields f = new Fields();
        if (Arrays.stream(Breach.Party.values()).anyMatch(p -> after.notifiedAt(p) != null && after.notifiedAt(p).isBefore(in.awareAt()))) {
            f.refuse("aware_at", "must not be after a recorded notification");
        } else if (after.authorityNotifiedAt() != null && deadlines.late(after, Breach.Party.AUTHORITY, after.authorityNotifiedAt())
                && after.delayReason() == null) {
            f.refuse("delay_reason", "is required: the recorded notification of the authority is more than 72 hours after awareness (Art. 33(1))");
        }
        f.throwIfAny();
        history.record(RegisterHistory.Register.BREACH, id, "updated", actor, now, before, after, null);
        return after;
    }

    /** Records that a party was told; once per party, only for a party that must be told, and never before awareness. */
    @Transactional
    public Breach recordNotification(long id, NotificationRequest request, String actor) {
        Instant now = now();
        Fields f = new Fields();
        Breach.Party party = f.oneOf("party", request.party(), Breach.Party.class, true);
        Instant at = f.timestamp("at", request.at(), false);
        String delayReason = f.text("delay_reason", request.delayReason(), 2000, false);
        f.throwIfMalformed();
        if (at == null) {
            at = now;
        }
        if (at.isAfter(now)) {
            f.refuse("at", "must not be in the future");
        }
        if (delayReason != null && party != Breach.Party.AUTHORITY) {
            f.refuse("delay_reason", "applies only to the notification of the authority (Art. 33(1))");
        }
        f.throwIfAny();

        BreachEntity row = repository.lock(id);
        Breach before = row.view();
        if (before.status() == Breach.Status.CLOSED) {
            throw DomainException.conflict("A closed breach cannot be changed.");
        }
        if (!BreachDeadlines.required(before, party)) {
            throw DomainException.conflict("This breach needs no notification of " + party.wire() + ".");
        }
        if (before.notifiedAt(party) != null) {
            throw DomainException.conflict("The notification of " + party.wire() + " is already recorded.");
        }
        if (at.isBefore(before.awareAt())) {
            f.refuse("at", "must not be before aware_at");
        } else if (party == Breach.Party.AUTHORITY) {
            boolean late = deadlines.late(before, party, at);
            if (late && delayReason == null && before.delayReason() == null) {
                f.refuse("delay_reason", "is required: the authority is notified more than 72 hours after awareness (Art. 33(1))");
            } else if (!late && delayReason != null) {
                f.refuse("delay_reason", "applies only to a notification after the 72-hour deadline");
            }
        }
        f.throwIfAny();
        row.notified(party, at);
        if (delayReason != null) {
            row.delayReason = delayReason;
        }
        row.updatedAt = now;
        Breach updated = row.view();
        history.record(RegisterHistory.Register.BREACH, id, "notified", actor, now, before, updated, null);
        return updated;
    }

    /** Closes a breach once every required notification is recorded. */
    @Transactional
    public Breach close(long id, NoteRequest request, String actor) {
        Fields f = new Fields();
        String note = f.text("note", request.note(), 2000, false);
        f.throwIfAny();
        Instant now = now();
        BreachEntity row = repository.lock(id);
        Breach before = row.view();
        if (before.status() == Breach.Status.CLOSED) {
            throw DomainException.conflict("This breach is already closed.");
        }
        String missing = Arrays.stream(Breach.Party.values())
                .filter(p -> BreachDeadlines.required(before, p) && before.notifiedAt(p) == null)
                .map(Breach.Party::wire).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw DomainException.conflict("A breach cannot be closed before every required notification is recorded; missing: " + missing + ".");
        }
        row.status = Breach.Status.CLOSED.wire();
        row.closedAt = now;
        row.updatedAt = now;
        Breach closed = row.view();
        history.record(RegisterHistory.Register.BREACH, id, "closed", actor, now, before, closed, note);
        return closed;
    }

    /**
     * Every (breach, party) whose notification deadline has passed at {@code now} without the notification
     * being recorded, earliest deadline first. The rules are {@link BreachDeadlines}'; the query only leaves
     * out breaches that cannot have one (learnt of after {@code now}, or with every notification recorded).
     */
    @Transactional
    public List<MissedDeadline> overdueAsOf(Instant now) {
        return repository.withOpenNotificationsAwareBefore(now).stream()
                .flatMap(b -> deadlines.missed(b.view(), now).stream())
                .sorted(Comparator.comparing(MissedDeadline::dueAt).thenComparing(MissedDeadline::breachId)
                        .thenComparing(MissedDeadline::party))
                .toList();
    }

    public List<BreachDeadlines.Deadline> deadlines(Breach b, Instant now) {
        return deadlines.deadlines(b, now);
    }
}
