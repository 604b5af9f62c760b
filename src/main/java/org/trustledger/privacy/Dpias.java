package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustledger.system.SystemDescription;
import org.trustledger.web.Problem;

/**
 * The DPIA register: assessments per processing activity, their approval by a named member of staff, and
 * their review (Art. 35(11)). An approved DPIA is due for review from its {@code next_review} date (UTC).
 */
@ApplicationScoped
public class Dpias {

    /** A create or update body, as sent. */
    public record DpiaRequest(String processingActivityId, String title, List<String> triggers, String outcome, String outcomeReason,
            String riskLevel, String measures) {
    }

    record Input(String processingActivityId, String title, List<Dpia.Trigger> triggers, Dpia.Outcome outcome, String outcomeReason,
            Dpia.RiskLevel riskLevel, String measures) {
    }

    static final String NOT_FOUND = "No DPIA with this id.";
    /** The longest a review may be put off when approving. */
    static final int MAX_REVIEW_YEARS = 3;
    private static final String COLUMNS = """
            id, processing_activity_id, title, CAST(triggers AS text), outcome, outcome_reason, risk_level, measures, status,
            approved_by, approved_at, next_review, created_at, updated_at""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final RegisterHistory history;
    private final SystemDescription system;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Dpias(EntityManager em, RegisterHistory history, SystemDescription system, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.history = history;
        this.system = system;
        this.mapper = mapper;
        this.clock = clock;
    }

    Input validate(DpiaRequest r) {
        Fields f = new Fields();
        String activity = f.line("processing_activity_id", r.processingActivityId(), 100, true);
        String title = f.line("title", r.title(), 200, true);
        Set<Dpia.Trigger> triggers = EnumSet.noneOf(Dpia.Trigger.class);
        if (r.triggers() != null) {
            for (int i = 0; i < r.triggers().size(); i++) {
                Dpia.Trigger t = f.oneOf("triggers[" + i + "]", r.triggers().get(i), Dpia.Trigger.class, true);
                if (t != null && !triggers.add(t)) {
                    f.malformed("triggers[" + i + "]", "is listed twice");
                }
            }
        }
        Dpia.Outcome outcome = f.oneOf("outcome", r.outcome(), Dpia.Outcome.class, false);
        String outcomeReason = f.text("outcome_reason", r.outcomeReason(), 2000, false);
        Dpia.RiskLevel risk = f.oneOf("risk_level", r.riskLevel(), Dpia.RiskLevel.class, false);
        String measures = f.text("measures", r.measures(), 10_000, false);
        f.throwIfMalformed();
        if (system.processingActivity(activity).isEmpty()) {
            f.refuse("processing_activity_id", "is not a processing activity of the system description");
        }
        if (outcome == Dpia.Outcome.NOT_REQUIRED && triggers.size() >= 2 && outcomeReason == null) {
            f.refuse("outcome_reason", "is required: two or more WP248 criteria are met, which usually means a DPIA is required");
        }
        f.throwIfAny();
        return new Input(activity, title, List.copyOf(triggers), outcome, outcomeReason, risk, measures);
    }

    @Transactional
    public List<Dpia> list(Optional<Dpia.Status> status, Optional<String> activity) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM dpia"
                + (activity.isPresent() ? " WHERE processing_activity_id = ?1" : "") + " ORDER BY processing_activity_id, id");
        activity.ifPresent(a -> q.setParameter(1, a));
        // The effective status depends on today's date, so it is filtered after it is known.
        return dpias(q).stream().filter(d -> status.isEmpty() || d.status() == status.get()).toList();
    }

    @Transactional
    public Optional<Dpia> find(long id) {
        return dpias(em.createNativeQuery("SELECT " + COLUMNS + " FROM dpia WHERE id = ?1").setParameter(1, id)).stream().findFirst();
    }

    @Transactional
    public Dpia create(DpiaRequest request, String actor) {
        Input in = validate(request);
        Instant now = now();
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO dpia (processing_activity_id, title, triggers, outcome, outcome_reason, risk_level, measures, status,
                                  created_at, updated_at)
                VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5, ?6, ?7, 'draft', ?8, ?8) RETURNING id
                """)
                .setParameter(1, in.processingActivityId())
                .setParameter(2, in.title())
                .setParameter(3, json(in.triggers()))
                .setParameter(4, in.outcome() == null ? null : in.outcome().wire())
                .setParameter(5, in.outcomeReason())
                .setParameter(6, in.riskLevel() == null ? null : in.riskLevel().wire())
                .setParameter(7, in.measures())
                .setParameter(8, Timestamp.from(now))
                .getSingleResult()).longValue();
        Dpia created = fetch(id);
        history.record(RegisterHistory.Register.DPIA, id, "created", actor, now, null, created, null);
        return created;
    }

    /** Changes the assessment while it is a draft or due for review; an approved one must first be marked for review. */
    @Transactional
    public Dpia update(long id, DpiaRequest request, String actor) {
        Input in = validate(request);
        Instant now = now();
        Dpia before = lock(id);
        if (before.status() == Dpia.Status.APPROVED) {
            throw Problem.Exception.of(409, "An approved DPIA is changed only after it is marked for review (POST /api/v1/dpias/" + id + "/review).");
        }
        em.createNativeQuery("""
                UPDATE dpia SET processing_activity_id = ?2, title = ?3, triggers = CAST(?4 AS jsonb), outcome = ?5, outcome_reason = ?6,
                       risk_level = ?7, measures = ?8, status = ?9, updated_at = ?10
                 WHERE id = ?1
                """)
                .setParameter(1, id)
                .setParameter(2, in.processingActivityId())
                .setParameter(3, in.title())
                .setParameter(4, json(in.triggers()))
                .setParameter(5, in.outcome() == null ? null : in.outcome().wire())
                .setParameter(6, in.outcomeReason())
                .setParameter(7, in.riskLevel() == null ? null : in.riskLevel().wire())
                .setParameter(8, in.measures())
                .setParameter(9, before.status().wire())
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        Dpia updated = fetch(id);
        history.record(RegisterHistory.Register.DPIA, id, "updated", actor, now, before, updated, null);
        return updated;
    }

    /** Approval by the signed-in member of staff, with the date of the next review. */
    @Transactional
    public Dpia approve(long id, String nextReviewText, String actor) {
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Fields f = new Fields();
        LocalDate nextReview = f.date("next_review", nextReviewText, true);
        f.throwIfMalformed();
        if (!nextReview.isAfter(today)) {
            f.refuse("next_review", "must be after today");
        } else if (nextReview.isAfter(today.plusYears(MAX_REVIEW_YEARS))) {
            f.refuse("next_review", "must be at most " + MAX_REVIEW_YEARS + " years ahead");
        }
        f.throwIfAny();
        Dpia before = lock(id);
        if (before.status() == Dpia.Status.APPROVED) {
            throw Problem.Exception.of(409, "This DPIA is already approved.");
        }
        if (before.outcome() == null) {
            throw Problem.Exception.of(409, "A DPIA needs an outcome (required or not_required) before it can be approved.");
        }
        if (before.outcome() == Dpia.Outcome.REQUIRED && (before.riskLevel() == null || before.measures() == null)) {
            throw Problem.Exception.of(409, "A required DPIA needs a risk_level and the measures addressing the risks (Art. 35(7)(d)) before approval.");
        }
        em.createNativeQuery("""
                UPDATE dpia SET status = 'approved', approved_by = ?2, approved_at = ?3, next_review = ?4, updated_at = ?3 WHERE id = ?1
                """)
                .setParameter(1, id)
                .setParameter(2, actor)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, nextReview)
                .executeUpdate();
        Dpia approved = fetch(id);
        history.record(RegisterHistory.Register.DPIA, id, "approved", actor, now, before, approved, null);
        return approved;
    }

    /** Marks an approved DPIA for review before its date, e.g. because the risk changed (Art. 35(11)). */
    @Transactional
    public Dpia requestReview(long id, String reason, String actor) {
        Instant now = now();
        Dpia before = lock(id);
        if (before.status() != Dpia.Status.APPROVED) {
            throw Problem.Exception.of(409, "Only an approved DPIA can be marked for review; this one is " + before.status().wire() + ".");
        }
        em.createNativeQuery("UPDATE dpia SET status = 'review_due', updated_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).executeUpdate();
        Dpia due = fetch(id);
        history.record(RegisterHistory.Register.DPIA, id, "review_requested", actor, now, before, due, reason);
        return due;
    }

    /** Removes a draft that was never approved; assessments that were approved stay as evidence. */
    @Transactional
    public void delete(long id, String actor) {
        Instant now = now();
        Dpia before = lock(id);
        if (before.status() != Dpia.Status.DRAFT || before.approvedAt() != null) {
            throw Problem.Exception.of(409, "Only a draft that was never approved can be deleted.");
        }
        em.createNativeQuery("DELETE FROM dpia WHERE id = ?1").setParameter(1, id).executeUpdate();
        history.record(RegisterHistory.Register.DPIA, id, "deleted", actor, now, before, null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Dpia lock(long id) {
        return dpias(em.createNativeQuery("SELECT " + COLUMNS + " FROM dpia WHERE id = ?1 FOR UPDATE").setParameter(1, id))
                .stream().findFirst().orElseThrow(() -> Problem.Exception.of(404, NOT_FOUND));
    }

    private Dpia fetch(long id) {
        return dpias(em.createNativeQuery("SELECT " + COLUMNS + " FROM dpia WHERE id = ?1").setParameter(1, id)).get(0);
    }

    private String json(List<Dpia.Trigger> triggers) {
        try {
            return mapper.writeValueAsString(triggers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Dpia> dpias(Query q) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Dpia> result = new ArrayList<>();
        for (Object[] r : rows) {
            List<Dpia.Trigger> triggers;
            try {
                triggers = mapper.readValue((String) r[3], STRINGS).stream()
                        .map(t -> Fields.parse(Dpia.Trigger.class, t).orElseThrow()).toList();
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            Dpia.Status stored = Fields.parse(Dpia.Status.class, (String) r[8]).orElseThrow();
            LocalDate nextReview = RegisterSql.dateOrNull(r[11]);
            Dpia.Status status = stored == Dpia.Status.APPROVED && !nextReview.isAfter(today) ? Dpia.Status.REVIEW_DUE : stored;
            result.add(new Dpia(RegisterSql.id(r[0]), (String) r[1], (String) r[2], triggers,
                    r[4] == null ? null : Fields.parse(Dpia.Outcome.class, (String) r[4]).orElseThrow(), (String) r[5],
                    r[6] == null ? null : Fields.parse(Dpia.RiskLevel.class, (String) r[6]).orElseThrow(), (String) r[7], status,
                    (String) r[9], RegisterSql.instantOrNull(r[10]), nextReview, RegisterSql.instantOrNull(r[12]),
                    RegisterSql.instantOrNull(r[13])));
        }
        return result;
    }
}
