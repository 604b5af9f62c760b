package org.trustledger.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustledger.privacy.Registers.map;
import static org.trustledger.privacy.Registers.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.collect.Gap;
import org.trustledger.collect.Gaps;

/** A missed breach deadline opens one high gap at once; recording the notification closes it. */
@QuarkusTest
class BreachSlaGapsTest {

    @Inject
    BreachSlaGaps check;
    @Inject
    Gaps gaps;

    @Test
    void missedAuthorityDeadlineOpensOneGapAndRecordingTheNotificationClosesIt() {
        String privacy = Staff.withRole("privacy");
        Instant aware = Instant.now().minus(73, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = post(privacy, "/api/v1/breaches", map("title", "Misdirected export", "aware_at", aware.toString(),
                "personal_data_affected", true, "our_role", "controller")).then().statusCode(201).extract().jsonPath().getLong("id");
        String source = "breach:" + id + ":authority";

        // One hour before the deadline nothing is missed yet.
        BreachSlaGaps.Outcome early = check.reconcile(aware.plus(71, ChronoUnit.HOURS));
        assertTrue(!early.opened().contains(source) && gaps.findOpen(source).isEmpty());

        Instant now = Instant.now();
        BreachSlaGaps.Outcome first = check.reconcile(now);
        assertTrue(first.opened().contains(source), first.toString());
        Gap gap = gaps.findOpen(source).orElseThrow();
        assertEquals(List.of("GDPR:Art.33"), gap.controls());
        assertEquals("high", gap.severity().wire());
        assertEquals("Breach " + id + ": notifying the supervisory authority was due at " + aware.plus(72, ChronoUnit.HOURS)
                + " and is not recorded", gap.reason());

        BreachSlaGaps.Outcome second = check.reconcile(now.plusSeconds(60));
        assertTrue(!second.opened().contains(source) && second.stillOpen().contains(source), second.toString());
        assertEquals(1, gaps.list(null, null, null, source, 10).size(), "no duplicate gap");
        assertEquals(gap.id(), gaps.findOpen(source).orElseThrow().id());

        post(privacy, "/api/v1/breaches/" + id + "/notifications", map("party", "authority", "at", Instant.now().minusSeconds(2).toString(),
                "delay_reason", "scope was unclear")).then().statusCode(200);
        BreachSlaGaps.Outcome after = check.reconcile(Instant.now());
        assertTrue(after.closed().contains(source), after.toString());
        assertTrue(gaps.findOpen(source).isEmpty());
        Gap closed = gaps.get(gap.id()).orElseThrow();
        assertEquals("closed", closed.status());
        assertEquals(BreachSlaGaps.RESOLUTION, closed.resolution());
        assertTrue(check.reconcile(Instant.now()).closed().isEmpty(), "closing is not repeated");
        assertEquals(1, gaps.list(null, null, null, source, 10).size());
    }
}
