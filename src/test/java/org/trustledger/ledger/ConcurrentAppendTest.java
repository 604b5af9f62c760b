package org.trustledger.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.trustledger.TestDb;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Rfc6962Reference;

/**
 * Two independent connection pools, standing in for two application instances, append through the
 * same code concurrently. The head-row lock must give one dense sequence with no gap, duplicate or
 * fork, and a root equal to a from-scratch recomputation over the stored leaf hashes.
 */
@QuarkusTest
class ConcurrentAppendTest {

    private static final int THREADS = 8;
    private static final int APPENDS = 500;

    @Test
    void twoPoolsEightThreadsGiveADenseSequenceAndTheRightRoot() throws Exception {
        Predicate<String> known = ControlCatalog.loadFromClasspath()::isKnown;
        long before;
        try (Connection c = TestDb.connect()) {
            before = LedgerStore.head(c, false).treeSize();
        }
        try (AgroalDataSource poolA = pool(); AgroalDataSource poolB = pool()) {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            Set<Long> indexes = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                AgroalDataSource pool = t % 2 == 0 ? poolA : poolB;
                int thread = t;
                results.add(threads.submit(() -> {
                    go.await();
                    int duplicates = 0;
                    for (int i = 0; i < APPENDS; i++) {
                        try (Connection c = pool.getConnection()) {
                            c.setAutoCommit(false);
                            List<AppendedEvidence> out = LedgerStore.append(c, List.of(new NewEvidence("concurrency", List.of("SOC2:CC7.2"),
                                    "pass", "thread " + thread + " item " + i,
                                    JsonNodeFactory.instance.objectNode().put("t", thread).put("i", i))), Instant.now(), known);
                            c.commit();
                            if (!indexes.add(out.get(0).index())) {
                                duplicates++;
                            }
                        }
                    }
                    return duplicates;
                }));
            }
            go.countDown();
            for (Future<Integer> f : results) {
                assertEquals(0, f.get(), "an index was handed out twice");
            }
            threads.shutdown();
            assertEquals(THREADS * APPENDS, indexes.size());
        }

        try (Connection c = TestDb.connect()) {
            LedgerStore.Head head = LedgerStore.head(c, false);
            assertTrue(head.treeSize() >= before + THREADS * APPENDS);
            List<byte[]> leaves = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, leaf_hash, canonical FROM evidence ORDER BY idx");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(leaves.size(), rs.getLong(1), "dense indexes");
                    assertArrayEquals(Hashes.leafHash(rs.getBytes(3)), rs.getBytes(2));
                    leaves.add(rs.getBytes(2));
                }
            }
            assertEquals(head.treeSize(), leaves.size());
            byte[] fromScratch = Rfc6962Reference.mth(leaves);
            assertArrayEquals(fromScratch, head.root(), "head frontier root");
            assertArrayEquals(fromScratch, StoredTree.root(c, leaves.size()), "root from stored subtree hashes");
            assertArrayEquals(Rfc6962Reference.mth(leaves.subList(0, (int) before + 1)), StoredTree.root(c, before + 1));
            LedgerVerifier.Result r = LedgerVerifier.verify(c);
            assertTrue(r.ok(), String.valueOf(r.problem()));
        }
    }

    private static AgroalDataSource pool() throws java.sql.SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(THREADS / 2)
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(TestDb.url()).principal(new NamePrincipal("postgres")))));
    }
}
