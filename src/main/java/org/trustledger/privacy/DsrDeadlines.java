package org.trustledger.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Response deadlines per law (GDPR and UK GDPR Art. 12(3), Swiss FADP, CCPA §1798.130), counted on UTC calendar dates.
 *
 * <p>The deadline is a whole day: due_at is 23:59:59 UTC of the last allowed day, so a request answered
 * at any time on that day is on time. The day of receipt is not counted (a request of 3 March is due
 * 3 April under GDPR, as ICO's "corresponding calendar date" guidance has it), and a month without the
 * corresponding day ends on its last day: {@code plusMonths} turns 31 January into 28 or 29 February.
 */
public final class DsrDeadlines {

    private DsrDeadlines() {
    }

    /** The last day to answer a request received on {@code received}. */
    public static LocalDate dueDate(Jurisdiction jurisdiction, LocalDate received) {
        return switch (jurisdiction) {
            case EU_GDPR, UK_GDPR -> received.plusMonths(1); // Art. 12(3)
            case CH_FADP -> received.plusDays(30); // FADP Art. 25(7)
            case US_CCPA -> received.plusDays(45); // Cal. Civ. Code §1798.130(a)(2)(A)
        };
    }

    /**
     * The last day after the one extension the law allows, counted from the original due date: GDPR
     * "two further months" (Art. 12(3)), CCPA once by 45 days (§1798.130(a)(2)(A), 11 CCR §7021(b)).
     * Counting from the due date rather than receipt + 3 months can end up to three days earlier at month
     * ends (31 Jan: 28 Feb + 2 months = 28 Apr, not 30 Apr); that errs on the safe side.
     * Swiss FADP sets no extension period, so there is none.
     */
    public static Optional<LocalDate> extendedDueDate(Jurisdiction jurisdiction, LocalDate originalDue) {
        return switch (jurisdiction) {
            case EU_GDPR, UK_GDPR -> Optional.of(originalDue.plusMonths(2));
            case US_CCPA -> Optional.of(originalDue.plusDays(45));
            case CH_FADP -> Optional.empty();
        };
    }

    public static Instant dueAt(Jurisdiction jurisdiction, Instant received) {
        return endOf(dueDate(jurisdiction, dateOf(received)));
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** 23:59:59 UTC of {@code day}: the last second of a deadline day. */
    public static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }
}
