package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who must be told about a breach, by when, and whether it happened in time (GDPR Art. 33, 34).
 *
 * <ul>
 * <li><b>controllers</b>: when we are processor and personal data is affected. Art. 33(2) says "without undue
 * delay"; the contractual SLA (default 72 hours) applies.</li>
 * <li><b>authority</b>: when we are controller and the breach is marked as needing notification (the default for
 * personal data). Art. 33(1): within 72 hours; later only with reasons for the delay.</li>
 * <li><b>subjects</b>: when we are controller and the breach is likely to result in a high risk to them. Art. 34(1)
 * says "without undue delay", so the product needs a number to check against: 14 days by default, configurable.</li>
 * </ul>
 *
 * <p>Every deadline is an exact instant, {@code due_at = aware_at + period} (14 days are 336 hours; UTC has no
 * daylight-saving jumps). A notification at or before {@code due_at} is on time. A deadline is missed only
 * once the current instant is strictly after {@code due_at}: at {@code due_at} exactly there is still time,
 * as "within 72 hours" includes the 72nd hour's end.
 */
public final class BreachDeadlines {

    /** Art. 33(1): the supervisory authority within 72 hours of awareness. Law, so not configurable. */
    public static final Duration AUTHORITY_PERIOD = Duration.ofHours(72);
    public static final Duration DEFAULT_CONTROLLERS_PERIOD = Duration.ofHours(72);
    public static final Duration DEFAULT_SUBJECTS_PERIOD = Duration.ofDays(14);

    public enum State {
        /** Notified at or before the deadline. */
        ON_TIME,
        /** Notified after the deadline. */
        LATE,
        /** Not notified, and the deadline has passed. */
        OVERDUE,
        /** Not notified, and there is still time. */
        PENDING;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    /** One required notification of a breach. */
    public record Deadline(Breach.Party party, Instant dueAt, Instant doneAt, State state) {
    }

    private final Duration controllersPeriod;
    private final Duration subjectsPeriod;

    /**
     * @param controllersPeriod the contractual SLA for a processor to tell its controllers
     * @param subjectsPeriod the SLA for telling data subjects of a high-risk breach
     */
    public BreachDeadlines(Duration controllersPeriod, Duration subjectsPeriod) {
        if (controllersPeriod.isNegative() || controllersPeriod.isZero() || subjectsPeriod.isNegative() || subjectsPeriod.isZero()) {
            throw new IllegalArgumentException("deadline periods must be positive");
        }
        this.controllersPeriod = controllersPeriod;
        this.subjectsPeriod = subjectsPeriod;
    }

    /** The default periods: 72 hours for controllers and the authority, 14 days for data subjects. */
    public static BreachDeadlines standard() {
        return new BreachDeadlines(DEFAULT_CONTROLLERS_PERIOD, DEFAULT_SUBJECTS_PERIOD);
    }

    /**
     * Whether the authority must be notified unless staff decide otherwise with a reason: a controller's breach
     * of personal data. Art. 33(1) lets a controller skip it only when the breach is unlikely to result in a risk.
     */
    public static boolean authorityNotificationExpected(boolean personalDataAffected, Breach.OurRole ourRole) {
        return personalDataAffected && ourRole == Breach.OurRole.CONTROLLER;
    }

    /** Whether {@code party} must be told about this breach at all. */
    public static boolean required(Breach b, Breach.Party party) {
        return switch (party) {
            case CONTROLLERS -> b.personalDataAffected() && b.ourRole() == Breach.OurRole.PROCESSOR;
            case AUTHORITY -> b.authorityNotificationRequired() && b.personalDataAffected() && b.ourRole() == Breach.OurRole.CONTROLLER;
            case SUBJECTS -> b.highRiskToSubjects() && b.personalDataAffected() && b.ourRole() == Breach.OurRole.CONTROLLER;
        };
    }

    /** When {@code party} must have been told; empty when it need not be told. */
    public Optional<Instant> dueAt(Breach b, Breach.Party party) {
        if (!required(b, party)) {
            return Optional.empty();
        }
        return Optional.of(b.awareAt().plus(switch (party) {
            case CONTROLLERS -> controllersPeriod;
            case AUTHORITY -> AUTHORITY_PERIOD;
            case SUBJECTS -> subjectsPeriod;
        }));
    }

    /** The state of a notification due at {@code due}, made at {@code done} (null if not yet), seen at {@code now}. */
    public static State state(Instant due, Instant done, Instant now) {
        if (done != null) {
            return done.isAfter(due) ? State.LATE : State.ON_TIME;
        }
        return now.isAfter(due) ? State.OVERDUE : State.PENDING;
    }

    /** Every required notification of the breach, in party order, with its state at {@code now}. */
    public List<Deadline> deadlines(Breach b, Instant now) {
        List<Deadline> deadlines = new ArrayList<>();
        for (Breach.Party party : Breach.Party.values()) {
            dueAt(b, party).ifPresent(due -> deadlines.add(new Deadline(party, due, b.notifiedAt(party), state(due, b.notifiedAt(party), now))));
        }
        return deadlines;
    }

    /** The required notifications not recorded although their deadline has passed at {@code now}. */
    public List<MissedDeadline> missed(Breach b, Instant now) {
        return deadlines(b, now).stream()
                .filter(d -> d.state() == State.OVERDUE)
                .map(d -> new MissedDeadline(b.id(), d.party(), d.dueAt()))
                .toList();
    }

    /** Whether a notification of {@code party} at {@code at} is after its deadline. */
    public boolean late(Breach b, Breach.Party party, Instant at) {
        return dueAt(b, party).map(at::isAfter).orElse(false);
    }
}
