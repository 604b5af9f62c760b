package org.trustledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
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

    @Inject
    DataSource dataSource;

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
            queue("item:" + n, governance.queued("outbox_test", "tester", Map.of("n", n)));
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
                 WHERE kind = 'outbox_test' AND subject LIKE 'item:%') s
                 WHERE prev IS NOT NULL AND split_part(subject, ':', 2)::int < split_part(prev, ':', 2)::int"""));
    }

    @Test
    void batchesAppendAChainTheVerifierAccepts() throws Exception {
        while (outbox.drain() > 0) {
            // start from an empty queue
        }
        for (int i = 0; i < 1500; i++) {
            queue("batch:" + i, governance.queued("outbox_batch_test", "tester", Map.of("n", i, "text", "é\u2028" + i)));
        }
        while (outbox.drain() > 0) {
            // two batches: a full one and the rest
        }
        try (Connection c = dataSource.getConnection()) {
            LedgerVerifier.Result result = LedgerVerifier.verify(c);
            assertTrue(result.ok(), () -> String.valueOf(result.problem()));
        }
    }

    @Test
    void anEventTheChainWouldRefuseIsRefusedWhenQueued() {
        assertThrows(IllegalArgumentException.class, () -> governance.queued("Bad Kind!", "tester", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> governance.queued("outbox_test", "", Map.of()));
    }

    /** What a public path does in its own statement: insert the queued row with the subject it knows. */
    private void queue(String subject, GovernanceLog.Queued q) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO governance_outbox (recorded_at, kind, actor, subject, details) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, q.recordedAt());
            ps.setString(2, q.kind());
            ps.setString(3, q.actor());
            ps.setString(4, subject);
            ps.setBytes(5, q.details());
            ps.executeUpdate();
        }
    }
}
