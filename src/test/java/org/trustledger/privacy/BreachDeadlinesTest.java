package org.trustledger.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustledger.privacy.Breach.OurRole;
import org.trustledger.privacy.Breach.Party;
import org.trustledger.privacy.BreachDeadlines.State;

/** The deadline arithmetic of breach notifications, against a fixed clock. */
class BreachDeadlinesTest {

    private static final Instant AWARE = Instant.parse("2025-03-28T22:15:00Z");
    private static final Instant DUE_72H = Instant.parse("2025-03-31T22:15:00Z"); // across the EU switch to summer time: UTC does not care
    private static final Instant DUE_14D = Instant.parse("2025-04-11T22:15:00Z");
    private static final Duration MICRO = Duration.ofNanos(1000);

    private final BreachDeadlines deadlines = BreachDeadlines.standard();

    private static Breach breach(boolean personalData, OurRole role, boolean highRisk, boolean authority, Instant controllers,
            Instant authorityAt, Instant subjects) {
        return new Breach(7, "t", null, AWARE, personalData, role, highRisk, authority, null, null, controllers, authorityAt, subjects,
                Breach.Status.OPEN, AWARE, AWARE, null);
    }

    private static Breach controller(boolean highRisk) {
        return breach(true, OurRole.CONTROLLER, highRisk, true, null, null, null);
    }

    private static Breach processor() {
        return breach(true, OurRole.PROCESSOR, false, false, null, null, null);
    }

    private static Instant at(Clock clock) {
        return clock.instant();
    }

    @Test
    void authorityAndControllersAreDueExactly72HoursAfterAwareness() {
        assertEquals(Optional.of(DUE_72H), deadlines.dueAt(controller(false), Party.AUTHORITY));
        assertEquals(Optional.of(DUE_72H), deadlines.dueAt(processor(), Party.CONTROLLERS));
        assertEquals(Duration.ofHours(72), Duration.between(AWARE, DUE_72H));
    }

    @Test
    void subjectsAreDue14DaysAfterAwareness() {
        assertEquals(Optional.of(DUE_14D), deadlines.dueAt(controller(true), Party.SUBJECTS));
        assertEquals(Duration.ofHours(336), Duration.between(AWARE, DUE_14D));
    }

    @Test
    void atTheDeadlineExactlyThereIsStillTimeAndOneMicrosecondLaterItIsMissed() {
        Breach b = controller(true);
        Clock atDue = Clock.fixed(DUE_72H, ZoneOffset.UTC);
        assertEquals(State.PENDING, BreachDeadlines.state(DUE_72H, null, at(atDue)));
        assertEquals(List.of(), deadlines.missed(b, at(atDue)));
        Clock justAfter = Clock.offset(atDue, MICRO);
        assertEquals(List.of(new MissedDeadline(7, Party.AUTHORITY, DUE_72H)), deadlines.missed(b, at(justAfter)));
        assertEquals(State.OVERDUE, BreachDeadlines.state(DUE_72H, null, at(justAfter)));
        assertEquals(List.of(), deadlines.missed(b, DUE_72H.minus(MICRO)));

        // Subjects: the same boundary 14 days on.
        assertEquals(List.of(new MissedDeadline(7, Party.AUTHORITY, DUE_72H)), deadlines.missed(b, DUE_14D));
        assertEquals(List.of(new MissedDeadline(7, Party.AUTHORITY, DUE_72H), new MissedDeadline(7, Party.SUBJECTS, DUE_14D)),
                deadlines.missed(b, DUE_14D.plus(MICRO)));
    }

    @Test
    void aNotificationAtTheDeadlineIsOnTimeAndOneMicrosecondLaterIsLate() {
        assertEquals(State.ON_TIME, BreachDeadlines.state(DUE_72H, DUE_72H, DUE_72H.plusSeconds(3600)));
        assertEquals(State.ON_TIME, BreachDeadlines.state(DUE_72H, AWARE, DUE_72H.plusSeconds(3600)));
        assertEquals(State.LATE, BreachDeadlines.state(DUE_72H, DUE_72H.plus(MICRO), DUE_72H.plusSeconds(3600)));
        Breach b = controller(false);
        assertFalse(deadlines.late(b, Party.AUTHORITY, DUE_72H));
        assertTrue(deadlines.late(b, Party.AUTHORITY, DUE_72H.plus(MICRO)));
    }

    @Test
    void aRecordedNotificationIsNoLongerMissedEvenWhenLate() {
        Breach late = breach(true, OurRole.CONTROLLER, false, true, null, DUE_72H.plusSeconds(60), null);
        Instant later = DUE_14D.plusSeconds(86_400);
        assertEquals(List.of(), deadlines.missed(late, later));
        assertEquals(List.of(new BreachDeadlines.Deadline(Party.AUTHORITY, DUE_72H, DUE_72H.plusSeconds(60), State.LATE)),
                deadlines.deadlines(late, later));
    }

    @Test
    void whoMustBeToldDependsOnRoleAndRisk() {
        Clock clock = Clock.fixed(DUE_14D.plusSeconds(1), ZoneOffset.UTC);
        // Controller, personal data, high risk: authority and subjects.
        assertEquals(List.of(Party.AUTHORITY, Party.SUBJECTS), parties(controller(true), clock));
        // Controller, no high risk: authority only.
        assertEquals(List.of(Party.AUTHORITY), parties(controller(false), clock));
        // Controller decided the breach is unlikely to result in a risk: nobody.
        assertEquals(List.of(), parties(breach(true, OurRole.CONTROLLER, false, false, null, null, null), clock));
        // Processor: its controllers only, even at high risk (telling subjects is the controller's duty, Art. 34).
        assertEquals(List.of(Party.CONTROLLERS), parties(processor(), clock));
        assertEquals(List.of(Party.CONTROLLERS), parties(breach(true, OurRole.PROCESSOR, true, false, null, null, null), clock));
        // No personal data: nobody, whatever the flags say.
        assertEquals(List.of(), parties(breach(false, OurRole.CONTROLLER, false, true, null, null, null), clock));
        assertEquals(List.of(), parties(breach(false, OurRole.PROCESSOR, false, false, null, null, null), clock));
        assertEquals(List.of(), deadlines.missed(breach(false, OurRole.CONTROLLER, false, false, null, null, null), at(clock)));
    }

    @Test
    void statesOnTimeLateOverduePending() {
        Breach b = breach(true, OurRole.CONTROLLER, true, true, null, DUE_72H.minusSeconds(1), DUE_14D.plusSeconds(1));
        List<BreachDeadlines.Deadline> seen = deadlines.deadlines(b, DUE_14D.plusSeconds(2));
        assertEquals(List.of(State.ON_TIME, State.LATE), seen.stream().map(BreachDeadlines.Deadline::state).toList());
        assertEquals(List.of(State.PENDING, State.PENDING), deadlines.deadlines(controller(true), AWARE).stream()
                .map(BreachDeadlines.Deadline::state).toList());
        assertEquals(List.of(State.OVERDUE, State.PENDING), deadlines.deadlines(controller(true), DUE_72H.plusSeconds(1)).stream()
                .map(BreachDeadlines.Deadline::state).toList());
    }

    @Test
    void configuredPeriodsApplyToControllersAndSubjectsButNotTheAuthority() {
        BreachDeadlines contract24h = new BreachDeadlines(Duration.ofHours(24), Duration.ofDays(3));
        assertEquals(Optional.of(AWARE.plus(Duration.ofHours(24))), contract24h.dueAt(processor(), Party.CONTROLLERS));
        assertEquals(Optional.of(AWARE.plus(Duration.ofDays(3))), contract24h.dueAt(controller(true), Party.SUBJECTS));
        assertEquals(Optional.of(DUE_72H), contract24h.dueAt(controller(true), Party.AUTHORITY));
        assertThrows(IllegalArgumentException.class, () -> new BreachDeadlines(Duration.ZERO, Duration.ofDays(1)));
    }

    @Test
    void sourceKeysAreStable() {
        assertEquals("breach:7:authority", new MissedDeadline(7, Party.AUTHORITY, DUE_72H).sourceKey());
        assertEquals("breach:12:controllers", new MissedDeadline(12, Party.CONTROLLERS, DUE_72H).sourceKey());
        assertEquals("breach:3:subjects", new MissedDeadline(3, Party.SUBJECTS, DUE_14D).sourceKey());
        assertEquals("GDPR:Art.34", new MissedDeadline(3, Party.SUBJECTS, DUE_14D).controlId());
        assertEquals("GDPR:Art.33", new MissedDeadline(3, Party.CONTROLLERS, DUE_14D).controlId());
    }

    private List<Party> parties(Breach b, Clock clock) {
        return deadlines.deadlines(b, at(clock)).stream().map(BreachDeadlines.Deadline::party).toList();
    }
}
