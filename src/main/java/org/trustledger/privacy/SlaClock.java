package org.trustledger.privacy;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;

/**
 * One breach notification deadline as a clock people read: time left, how far overdue, or how it was met. Rendered
 * on the server against the application clock, so the page is right without script; /assets/sla-clocks.js only keeps
 * the open clocks ticking, in the same words.
 *
 * @param running whether nothing is recorded yet, so the clock still runs (pending or overdue)
 */
@TemplateData
public record SlaClock(String party, String partyLabel, Instant dueAt, Instant doneAt, String state, String stateLabel, String text,
        boolean overdue, boolean running, Instant now) {

    static SlaClock of(BreachDeadlines.Deadline d, Instant now) {
        String text = switch (d.state()) {
            case PENDING -> span(Duration.between(now, d.dueAt())) + " left";
            case OVERDUE -> "overdue by " + span(Duration.between(d.dueAt(), now));
            case ON_TIME -> "notified on time";
            case LATE -> "notified " + span(Duration.between(d.dueAt(), d.doneAt())) + " late";
        };
        String stateLabel = switch (d.state()) {
            case PENDING -> "Pending";
            case OVERDUE -> "Overdue";
            case ON_TIME -> "On time";
            case LATE -> "Late";
        };
        return new SlaClock(d.party().wire(), partyLabel(d.party()), d.dueAt(), d.doneAt(), d.state().wire(), stateLabel, text,
                d.state() == BreachDeadlines.State.OVERDUE || d.state() == BreachDeadlines.State.LATE,
                d.doneAt() == null, now);
    }

    static String partyLabel(Breach.Party party) {
        return switch (party) {
            case CONTROLLERS -> "Controllers we process for (Art. 33(2))";
            case AUTHORITY -> "Supervisory authority (Art. 33(1))";
            case SUBJECTS -> "Data subjects (Art. 34)";
        };
    }

    /** "2 d 4 h", "5 h 3 min", "12 min", "less than a minute": whole units, rounded down. */
    static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + mins + " min";
        }
        return minutes > 0 ? mins + " min" : "less than a minute";
    }
}
