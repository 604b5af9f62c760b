package org.trustledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Queued events reach the chain once each, in queue order, however many drainers run at once. */
@QuarkusTest
class GovernanceOutboxTest {

    @Inject
    GovernanceLog governance;

    @Inject
    GovernanceOutbox outbox;

    @Inject
    EntityManager em;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void concurrentDrainsAppendEachQueuedEventOnceInOrder() throws Exception {
        while (outbox.drain() > 0) {
            // start from an empty queue
        }
        long before = count("SELECT count(*) FROM governance_event WHERE kind = 'outbox_test'");
        for (int i = 0; i < 2500; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> governance.recordLater("outbox_test", "tester", "item:" + n, Map.of("n", n)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> drains = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            drains.add(pool.submit(() -> {
                int total = 0;
                int d;
                while ((d = outbox.drain()) > 0) {
                    total += d;
                }
                return total;
            }));
        }
        int drained = 0;
        for (Future<Integer> f : drains) {
            drained += f.get();
        }
        pool.shutdown();
        // The scheduled drainer runs alongside these four and takes its share.
        assertTrue(drained <= 2500, "drained " + drained);
        while (outbox.drain() > 0) {
            // whatever the scheduled drainer had locked is now done
        }
        assertEquals(0, count("SELECT count(*) FROM governance_outbox"));
        assertEquals(before + 2500, count("SELECT count(*) FROM governance_event WHERE kind = 'outbox_test'"));
        assertEquals(2500, count("SELECT count(DISTINCT subject) FROM governance_event WHERE kind = 'outbox_test' AND subject LIKE 'item:%'"));
        // Queue order is chain order: item numbers rise with seq.
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT subject, lag(subject) OVER (ORDER BY seq) AS prev FROM governance_event
                 WHERE kind = 'outbox_test') s
                 WHERE prev IS NOT NULL AND split_part(subject, ':', 2)::int < split_part(prev, ':', 2)::int"""));
    }

    @Test
    void anEventTheChainWouldRefuseIsRefusedWhenQueued() {
        assertThrows(IllegalArgumentException.class, () -> governance.recordLater("Bad Kind!", "tester", null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> governance.recordLater("outbox_test", "", null, Map.of()));
    }
}
