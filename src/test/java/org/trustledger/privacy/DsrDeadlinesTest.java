package org.trustledger.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DsrDeadlinesTest {

    @ParameterizedTest(name = "{0} received {1} is due {2}")
    @CsvSource({
            // One month: the corresponding day, or the month's last day when it has none.
            "EU_GDPR, 2025-03-03, 2025-04-03",
            "EU_GDPR, 2025-01-31, 2025-02-28",
            "EU_GDPR, 2024-01-31, 2024-02-29", // leap year
            "UK_GDPR, 2024-01-30, 2024-02-29",
            "UK_GDPR, 2023-01-29, 2023-02-28",
            "EU_GDPR, 2024-02-29, 2024-03-29",
            "EU_GDPR, 2025-03-31, 2025-04-30", // 31-day month into a 30-day month
            "EU_GDPR, 2025-04-30, 2025-05-30", // 30-day month into a 31-day month
            "UK_GDPR, 2025-08-31, 2025-09-30",
            "EU_GDPR, 2025-12-31, 2026-01-31", // year end
            "CH_FADP, 2025-01-31, 2025-03-02",
            "CH_FADP, 2024-02-15, 2024-03-16", // leap February has 29 days
            "CH_FADP, 2025-02-15, 2025-03-17",
            "US_CCPA, 2025-01-01, 2025-02-15",
            "US_CCPA, 2025-12-20, 2026-02-03",
            "US_CCPA, 2024-01-20, 2024-03-05", // leap year
            "US_CCPA, 2025-01-20, 2025-03-06"})
    void dueDates(Jurisdiction j, LocalDate received, LocalDate due) {
        assertEquals(due, DsrDeadlines.dueDate(j, received));
    }

    @ParameterizedTest(name = "{0} due {1} extends to {2}")
    @CsvSource({
            "EU_GDPR, 2025-04-03, 2025-06-03",
            "EU_GDPR, 2025-02-28, 2025-04-28",
            "UK_GDPR, 2024-02-29, 2024-04-29",
            "EU_GDPR, 2025-12-31, 2026-02-28", // 31 Dec + 2 months: end of a 28-day February
            "UK_GDPR, 2023-12-31, 2024-02-29",
            "US_CCPA, 2025-02-15, 2025-04-01", // 90 days from 1 Jan in total
            "US_CCPA, 2024-02-15, 2024-03-31"})
    void extensions(Jurisdiction j, LocalDate due, LocalDate extended) {
        assertEquals(Optional.of(extended), DsrDeadlines.extendedDueDate(j, due));
    }

    @Test
    void swissFadpHasNoExtension() {
        assertTrue(DsrDeadlines.extendedDueDate(Jurisdiction.CH_FADP, LocalDate.of(2025, 3, 1)).isEmpty());
    }

    @Test
    void ccpaTotalIsNinetyDays() {
        LocalDate received = LocalDate.of(2025, 11, 3);
        LocalDate due = DsrDeadlines.dueDate(Jurisdiction.US_CCPA, received);
        assertEquals(received.plusDays(90), DsrDeadlines.extendedDueDate(Jurisdiction.US_CCPA, due).orElseThrow());
    }

    @Test
    void dueAtIsTheLastSecondOfTheDueDayInUtc() {
        // 23:30 UTC on 31 January is still 31 January: the UTC date decides, whatever the requester's zone.
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), DsrDeadlines.dueAt(Jurisdiction.EU_GDPR, Instant.parse("2024-01-31T23:30:00Z")));
        assertEquals(Instant.parse("2025-02-28T23:59:59Z"), DsrDeadlines.dueAt(Jurisdiction.EU_GDPR, Instant.parse("2025-01-31T00:00:00Z")));
        assertEquals(Instant.parse("2025-02-15T23:59:59Z"), DsrDeadlines.dueAt(Jurisdiction.US_CCPA, Instant.parse("2025-01-01T12:00:00Z")));
    }

    @Test
    void requestTypesFitTheirLaw() {
        for (RequestType t : RequestType.values()) {
            boolean ccpa = Jurisdiction.US_CCPA.allows(t);
            assertEquals(!ccpa, Jurisdiction.EU_GDPR.allows(t), t.wire());
            assertEquals(!ccpa, Jurisdiction.UK_GDPR.allows(t), t.wire());
            assertEquals(!ccpa && t != RequestType.RESTRICTION, Jurisdiction.CH_FADP.allows(t), t.wire());
        }
        assertEquals("know, delete, correct, opt_out, limit", Jurisdiction.US_CCPA.allowedList());
    }

    @Test
    void statusTransitions() {
        assertTrue(DsrStatus.RECEIVED.canMoveTo(DsrStatus.VERIFYING));
        assertTrue(DsrStatus.VERIFYING.canMoveTo(DsrStatus.IN_PROGRESS));
        assertTrue(DsrStatus.IN_PROGRESS.canMoveTo(DsrStatus.COMPLETED));
        for (DsrStatus s : new DsrStatus[] {DsrStatus.RECEIVED, DsrStatus.VERIFYING, DsrStatus.IN_PROGRESS}) {
            assertTrue(s.canMoveTo(DsrStatus.REJECTED), s.wire());
        }
        for (DsrStatus from : DsrStatus.values()) {
            assertTrue(!from.canMoveTo(DsrStatus.RECEIVED) && !from.canMoveTo(from), from.wire());
        }
        for (DsrStatus to : DsrStatus.values()) {
            assertTrue(!DsrStatus.COMPLETED.canMoveTo(to) && !DsrStatus.REJECTED.canMoveTo(to), to.wire());
        }
        assertTrue(!DsrStatus.RECEIVED.canMoveTo(DsrStatus.IN_PROGRESS) && !DsrStatus.RECEIVED.canMoveTo(DsrStatus.COMPLETED));
        assertTrue(!DsrStatus.VERIFYING.canMoveTo(DsrStatus.COMPLETED));
    }
}
