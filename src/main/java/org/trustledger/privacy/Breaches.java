package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustledger.web.Problem;

/** The breach register: storage, the rules that relate its fields, notifications, closing, and missed deadlines. */
@ApplicationScoped
public class Breaches {

    /** A create or update body, as sent. Timestamps are RFC 3339 text, checked by {@link #validate}. */
    public record BreachRequest(String title, String description, String awareAt, Boolean personalDataAffected, String ourRole,
            Boolean highRiskToSubjects, Boolean authorityNotificationRequired, String noAuthorityNotificationReason,
            String delayReason) {
    }

    /** A notification: who was told and when (default: now). */
    public record NotificationRequest(String party, String at, String delayReason) {
    }

    /** A checked create or update body. */
    record Input(String title, String description, Instant awareAt, boolean personalDataAffected, Breach.OurRole ourRole,
            boolean highRiskToSubjects, boolean authorityNotificationRequired, String noAuthorityNotificationReason, String delayReason) {
    }

    static final String NOT_FOUND = "No breach with this id.";
    private static final String COLUMNS = """
            id, title, description, aware_at, personal_data_affected, our_role, high_risk_to_subjects,
            authority_notification_required, no_authority_notification_reason, delay_reason, controllers_notified_at,
            authority_notified_at, subjects_notified_at, status, created_at, updated_at, closed_at""";

    private final EntityManager em;
    private final RegisterHistory history;
    private final BreachDeadlines deadlines;
    private final Clock clock;

    public Breaches(EntityManager em, RegisterHistory history, BreachDeadlines deadlines, Clock clock) {
        this.em = em;
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
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM breach"
                + (status.isPresent() ? " WHERE status = ?1" : "") + " ORDER BY aware_at DESC, id DESC");
        status.ifPresent(s -> q.setParameter(1, s.wire()));
        return breaches(q);
    }

    @Transactional
    public Optional<Breach> find(long id) {
        return breaches(em.createNativeQuery("SELECT " + COLUMNS + " FROM breach WHERE id = ?1").setParameter(1, id)).stream().findFirst();
    }

    @Transactional
    public Breach create(BreachRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO breach (title, description, aware_at, personal_data_affected, our_role, high_risk_to_subjects,
                                    authority_notification_required, no_authority_notification_reason, delay_reason, status,
                                    created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?10) RETURNING id
                """)
                .setParameter(1, in.title())
                .setParameter(2, in.description())
                .setParameter(3, Timestamp.from(in.awareAt()))
                .setParameter(4, in.personalDataAffected())
                .setParameter(5, in.ourRole().wire())
                .setParameter(6, in.highRiskToSubjects())
                .setParameter(7, in.authorityNotificationRequired())
                .setParameter(8, in.noAuthorityNotificationReason())
                .setParameter(9, in.delayReason())
                .setParameter(10, Timestamp.from(now))
                .getSingleResult()).longValue();
        Breach created = fetch(id);
        history.record(RegisterHistory.Register.BREACH, id, "created", actor, now, null, created, null);
        return created;
    }

    /** Replaces the descriptive fields; recorded notifications stay and must still fit. */
    @Transactional
    public Breach update(long id, BreachRequest request, String actor) {
        Instant now = now();
        Input in = validate(request, now);
        Breach before = lock(id);
        if (before.status() == Breach.Status.CLOSED) {
            throw Problem.Exception.of(409, "A closed breach cannot be changed.");
        }
        Breach after = new Breach(id, in.title(), in.description(), in.awareAt(), in.personalDataAffected(), in.ourRole(),
                in.highRiskToSubjects(), in.authorityNotificationRequired(), in.noAuthorityNotificationReason(), in.delayReason(),
                before.controllersNotifiedAt(), before.authorityNotifiedAt(), before.subjectsNotifiedAt(), before.status(),
                before.createdAt(), now, before.closedAt());
        List<String> orphaned = java.util.Arrays.stream(Breach.Party.values())
                .filter(p -> after.notifiedAt(p) != null && !BreachDeadlines.required(after, p))
                .map(Breach.Party::wire).toList();
        if (!orphaned.isEmpty()) {
            throw Problem.Exception.of(409, "A notification of " + String.join(", ", orphaned)
                    + " is recorded; the change would make it not required.");
        }
        Fields f = new Fields();
        if (java.util.Arrays.stream(Breach.Party.values()).anyMatch(p -> after.notifiedAt(p) != null && after.notifiedAt(p).isBefore(in.awareAt()))) {
            f.refuse("aware_at", "must not be after a recorded notification");
        } else if (after.authorityNotifiedAt() != null && deadlines.late(after, Breach.Party.AUTHORITY, after.authorityNotifiedAt())
                && after.delayReason() == null) {
            f.refuse("delay_reason", "is required: the recorded notification of the authority is more than 72 hours after awareness (Art. 33(1))");
        }
        f.throwIfAny();
        em.createNativeQuery("""
                UPDATE breach SET title = ?2, description = ?3, aware_at = ?4, personal_data_affected = ?5, our_role = ?6,
                       high_risk_to_subjects = ?7, authority_notification_required = ?8, no_authority_notification_reason = ?9,
                       delay_reason = ?10, updated_at = ?11
                 WHERE id = ?1
                """)
                .setParameter(1, id)
                .setParameter(2, in.title())
                .setParameter(3, in.description())
                .setParameter(4, Timestamp.from(in.awareAt()))
                .setParameter(5, in.personalDataAffected())
                .setParameter(6, in.ourRole().wire())
                .setParameter(7, in.highRiskToSubjects())
                .setParameter(8, in.authorityNotificationRequired())
                .setParameter(9, in.noAuthorityNotificationReason())
                .setParameter(10, in.delayReason())
                .setParameter(11, Timestamp.from(now))
                .executeUpdate();
        Breach updated = fetch(id);
        history.record(RegisterHistory.Register.BREACH, id, "updated", actor, now, before, updated, null);
        return updated;
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

        Breach before = lock(id);
        if (before.status() == Breach.Status.CLOSED) {
            throw Problem.Exception.of(409, "A closed breach cannot be changed.");
        }
        if (!BreachDeadlines.required(before, party)) {
            throw Problem.Exception.of(409, "This breach needs no notification of " + party.wire() + ".");
        }
        if (before.notifiedAt(party) != null) {
            throw Problem.Exception.of(409, "The notification of " + party.wire() + " is already recorded.");
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
        em.createNativeQuery("UPDATE breach SET " + party.wire() + "_notified_at = ?2, delay_reason = COALESCE(?3, delay_reason),"
                + " updated_at = ?4 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(at))
                .setParameter(3, delayReason)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        Breach updated = fetch(id);
        history.record(RegisterHistory.Register.BREACH, id, "notified", actor, now, before, updated, null);
        return updated;
    }

    /** Closes a breach once every required notification is recorded. */
    @Transactional
    public Breach close(long id, String note, String actor) {
        Instant now = now();
        Breach before = lock(id);
        if (before.status() == Breach.Status.CLOSED) {
            throw Problem.Exception.of(409, "This breach is already closed.");
        }
        String missing = java.util.Arrays.stream(Breach.Party.values())
                .filter(p -> BreachDeadlines.required(before, p) && before.notifiedAt(p) == null)
                .map(Breach.Party::wire).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw Problem.Exception.of(409, "A breach cannot be closed before every required notification is recorded; missing: " + missing + ".");
        }
        em.createNativeQuery("UPDATE breach SET status = 'closed', closed_at = ?2, updated_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).executeUpdate();
        Breach closed = fetch(id);
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
        List<Breach> candidates = breaches(em.createNativeQuery("SELECT " + COLUMNS + """
                 FROM breach
                WHERE aware_at < ?1
                  AND (controllers_notified_at IS NULL OR authority_notified_at IS NULL OR subjects_notified_at IS NULL)
                """).setParameter(1, Timestamp.from(now)));
        return candidates.stream()
                .flatMap(b -> deadlines.missed(b, now).stream())
                .sorted(Comparator.comparing(MissedDeadline::dueAt).thenComparing(MissedDeadline::breachId)
                        .thenComparing(MissedDeadline::party))
                .toList();
    }

    public List<BreachDeadlines.Deadline> deadlines(Breach b, Instant now) {
        return deadlines.deadlines(b, now);
    }

    private Breach lock(long id) {
        return breaches(em.createNativeQuery("SELECT " + COLUMNS + " FROM breach WHERE id = ?1 FOR UPDATE").setParameter(1, id))
                .stream().findFirst().orElseThrow(() -> Problem.Exception.of(404, NOT_FOUND));
    }

    private Breach fetch(long id) {
        return breaches(em.createNativeQuery("SELECT " + COLUMNS + " FROM breach WHERE id = ?1").setParameter(1, id)).get(0);
    }

    private static List<Breach> breaches(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Breach(RegisterSql.id(r[0]), (String) r[1], (String) r[2], RegisterSql.instantOrNull(r[3]),
                RegisterSql.bool(r[4]), Fields.parse(Breach.OurRole.class, (String) r[5]).orElseThrow(), RegisterSql.bool(r[6]),
                RegisterSql.bool(r[7]), (String) r[8], (String) r[9], RegisterSql.instantOrNull(r[10]), RegisterSql.instantOrNull(r[11]),
                RegisterSql.instantOrNull(r[12]), Fields.parse(Breach.Status.class, (String) r[13]).orElseThrow(),
                RegisterSql.instantOrNull(r[14]), RegisterSql.instantOrNull(r[15]), RegisterSql.instantOrNull(r[16]))).toList();
    }
}
