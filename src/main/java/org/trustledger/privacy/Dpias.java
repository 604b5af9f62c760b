package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustledger.common.DomainException;
import org.trustledger.system.SystemDescription;

/**
 * The DPIA register: assessments per processing activity, their approval by a named member of staff, and
 * their review (Art. 35(11)). An approved DPIA is due for review from its {@code next_review} date (UTC).
 */
@ApplicationScoped
public class Dpias {

    /** A create or update body, as sent. */
    public record DpiaRequest(
            String processingActivityId,
            String title,
            List<String> triggers,
            String outcome,
            String outcomeReason,
            String riskLevel,
            String measures) {
    }

    /** An approval: the date the assessment is next due for review. */
    public record ApproveRequest(String nextReview) {
    }

    /** Why an approved DPIA is due for review before its date. */
    public record ReviewRequest(String reason) {
    }

    record Input(String processingActivityId, String title, List<Dpia.Trigger> triggers, Dpia.Outcome outcome, String outcomeReason,
            Dpia.RiskLevel riskLevel, String measures) {
    }

    static final String NOT_FOUND = DpiaRepository.NOT_FOUND;
    /** The longest a review may be put off when approving. */
    static final int MAX_REVIEW_YEARS = 3;

    private final DpiaRepository repository;
    private final RegisterHistory history;
    private final SystemDescription system;
    private final Clock clock;

    public Dpias(DpiaRepository repository, RegisterHistory history, SystemDescription system, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.system = system;
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
        LocalDate today = today();
        // The effective status depends on today's date, so it is filtered after it is known.
        return repository.list(activity).stream().map(d -> d.view(today))
                .filter(d -> status.isEmpty() || d.status() == status.get()).toList();
    }

    /** One page for the console, by processing activity, filtered by effective status: {@code limit} rows from {@code offset}. */
    @Transactional
    public List<Dpia> page(Optional<Dpia.Status> status, int offset, int limit) {
        LocalDate today = today();
        return repository.page(status, today, offset, limit).stream().map(d -> d.view(today)).toList();
    }

    @Transactional
    public Optional<Dpia> find(long id) {
        return repository.findByIdOptional(id).map(d -> d.view(today()));
    }

    @Transactional
    public Dpia create(DpiaRequest request, String actor) {
        Input in = validate(request);
        Instant now = now();
        DpiaEntity row = new DpiaEntity();
        row.describe(in);
        row.status = Dpia.Status.DRAFT.wire();
        row.createdAt = now;
        row.updatedAt = now;
        repository.persistAndFlush(row);
        Dpia created = row.view(today());
        history.record(RegisterHistory.Register.DPIA, row.id, "created", actor, now, null, created, null);
        return created;
    }

    /** Changes the assessment while it is a draft or due for review; an approved one must first be marked for review. */
    @Transactional
    public Dpia update(long id, DpiaRequest request, String actor) {
        Input in = validate(request);
        Instant now = now();
        DpiaEntity row = repository.lock(id);
        Dpia before = row.view(today());
        if (before.status() == Dpia.Status.APPROVED) {
            throw DomainException.conflict("An approved DPIA is changed only after it is marked for review (POST /api/v1/dpias/" + id + "/review).");
        }
        row.describe(in);
        // A DPIA whose review date has come is stored as review_due from its first change on.
        row.status = before.status().wire();
        row.updatedAt = now;
        Dpia updated = row.view(today());
        history.record(RegisterHistory.Register.DPIA, id, "updated", actor, now, before, updated, null);
        return updated;
    }

    /** Approval by the signed-in member of staff, with the date of the next review. */
    @Transactional
    public Dpia approve(long id, ApproveRequest request, String actor) {
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Fields f = new Fields();
        LocalDate nextReview = f.date("next_review", request.nextReview(), true);
        f.throwIfMalformed();
        if (!nextReview.isAfter(today)) {
            f.refuse("next_review", "must be after today");
        } else if (nextReview.isAfter(today.plusYears(MAX_REVIEW_YEARS))) {
            f.refuse("next_review", "must be at most " + MAX_REVIEW_YEARS + " years ahead");
        }
        f.throwIfAny();
        DpiaEntity row = repository.lock(id);
        Dpia before = row.view(today());
        if (before.status() == Dpia.Status.APPROVED) {
            throw DomainException.conflict("This DPIA is already approved.");
        }
        if (before.outcome() == null) {
            throw DomainException.conflict("A DPIA needs an outcome (required or not_required) before it can be approved.");
        }
        if (before.outcome() == Dpia.Outcome.REQUIRED && (before.riskLevel() == null || before.measures() == null)) {
            throw DomainException.conflict("A required DPIA needs a risk_level and the measures addressing the risks (Art. 35(7)(d)) before approval.");
        }
        row.status = Dpia.Status.APPROVED.wire();
        row.approvedBy = actor;
        row.approvedAt = now;
        row.nextReview = nextReview;
        row.updatedAt = now;
        Dpia approved = row.view(today());
        history.record(RegisterHistory.Register.DPIA, id, "approved", actor, now, before, approved, null);
        return approved;
    }

    /** Marks an approved DPIA for review before its date, e.g. because the risk changed (Art. 35(11)). */
    @Transactional
    public Dpia requestReview(long id, ReviewRequest request, String actor) {
        Fields f = new Fields();
        String reason = f.text("reason", request.reason(), 2000, true);
        f.throwIfAny();
        Instant now = now();
        DpiaEntity row = repository.lock(id);
        Dpia before = row.view(today());
        if (before.status() != Dpia.Status.APPROVED) {
            throw DomainException.conflict("Only an approved DPIA can be marked for review; this one is " + before.status().wire() + ".");
        }
        row.status = Dpia.Status.REVIEW_DUE.wire();
        row.updatedAt = now;
        Dpia due = row.view(today());
        history.record(RegisterHistory.Register.DPIA, id, "review_requested", actor, now, before, due, reason);
        return due;
    }

    /** Removes a draft that was never approved; assessments that were approved stay as evidence. */
    @Transactional
    public void delete(long id, String actor) {
        Instant now = now();
        DpiaEntity row = repository.lock(id);
        Dpia before = row.view(today());
        if (before.status() != Dpia.Status.DRAFT || before.approvedAt() != null) {
            throw DomainException.conflict("Only a draft that was never approved can be deleted.");
        }
        repository.delete(row);
        history.record(RegisterHistory.Register.DPIA, id, "deleted", actor, now, before, null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
