package org.trustledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReadableTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:26:07.123456Z");

    @Test
    void readableAndMachineForms() {
        assertEquals("2 Dec 2026, 04:26 UTC", ReadableTime.readable(NOW));
        assertEquals("2026-12-02T04:26:07Z", ReadableTime.iso(NOW));
        assertEquals("2 Dec 2026", ReadableTime.readable(LocalDate.of(2026, 12, 2)));
    }

    @Test
    void relativeUsesTheLargestWholeUnit() {
        assertEquals("just now", ReadableTime.relative(NOW.plusSeconds(59), NOW));
        assertEquals("in 1 minute", ReadableTime.relative(NOW.plusSeconds(60), NOW));
        assertEquals("2 hours ago", ReadableTime.relative(NOW.minusSeconds(2 * 3600 + 59), NOW));
        assertEquals("in 3 days", ReadableTime.relative(NOW.plusSeconds(3 * 86_400 + 5), NOW));
        assertEquals("3 months ago", ReadableTime.relative(NOW.minusSeconds(95L * 86_400), NOW));
        assertEquals("in 2 years", ReadableTime.relative(NOW.plusSeconds(800L * 86_400), NOW));
    }

    @Test
    void pageNumbersAreBounded() {
        assertEquals(1, Pager.page(null));
        assertEquals(7, Pager.page("7"));
        for (String bad : new String[] {"0", "-1", "1e3", "100001", "abc", "9999999"}) {
            assertThrows(Problem.Exception.class, () -> Pager.page(bad), bad);
        }
        assertEquals(100, Pager.offset(3, 50));
    }
}
