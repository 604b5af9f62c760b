package org.trustledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.CompactRange;
import org.trustledger.tlog.EvidenceLeaf;
import org.trustledger.tlog.Hashes;
import org.trustledger.ledger.LedgerStore;
import org.trustledger.tlog.MerkleVerifier;
import org.trustledger.ledger.NewEvidence;
import org.trustledger.ledger.StoredTree;

/**
 * PostgreSQL benchmarks of the ledger, each against a baseline measured in the same run:
 * <ul>
 *   <li>{@code append}: evidence appended through {@link LedgerStore#append} in batches of 1,000
 *       (the code the application runs), against plain batched INSERTs of the same rows into a
 *       table of the same shape, without hashing, head lock or subtree nodes.</li>
 *   <li>{@code proofs}: inclusion-proof latency on a 10,000,000-leaf log (bulk-loaded once with
 *       COPY, subtree hashes reported by {@link CompactRange#append(byte[], CompactRange.NodeVisitor)}), via {@link StoredTree#inclusion} plus the
 *       head read, which is what GET /api/v1/proofs/inclusion runs; against a single primary-key
 *       lookup, the floor of one round trip.</li>
 * </ul>
 */
public final class LedgerDbBench {

    private LedgerDbBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("append") || what.equals("all")) {
            append(Integer.getInteger("bench.append.batches", 100), 1000);
        }
        if (what.equals("proofs") || what.equals("all")) {
            proofs(Long.getLong("bench.proofs.leaves", 10_000_000L), Integer.getInteger("bench.proofs.samples", 10_000));
        }
    }

    // ---- append ---------------------------------------------------------------------------------

    static List<NewEvidence> batch(int b, int size) {
        List<NewEvidence> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int n = b * size + i;
            ObjectNode payload = JsonNodeFactory.instance.objectNode()
                    .put("check", "tls-certificate").put("host", "service-" + n + ".example.internal")
                    .put("days_left", n % 90).put("issuer", "Example CA R11").put("ok", n % 13 != 0);
            out.add(new NewEvidence("tls-expiry", List.of("ISO27001:A.8.24", "SOC2:CC6.7"), n % 13 != 0 ? "pass" : "fail",
                    "TLS certificate of service-" + n + " valid for " + (n % 90) + " more days", payload));
        }
        return out;
    }

    static void append(int batches, int batchSize) throws Exception {
        String db = "trustledger_bench_append";
        BenchDb.recreate(db);
        try (Connection c = BenchDb.connect(db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_plain (LIKE evidence INCLUDING ALL)");
            }
            c.commit();
            List<List<NewEvidence>> work = new ArrayList<>();
            for (int b = 0; b < batches + 10; b++) {
                work.add(batch(b, batchSize));
            }
            // Warm-up: JIT and PostgreSQL caches; then the measured batches.
            for (int b = 0; b < 10; b++) {
                LedgerStore.append(c, work.get(b), Instant.now(), id -> true);
                c.commit();
            }
            long t0 = System.nanoTime();
            for (int b = 10; b < batches + 10; b++) {
                LedgerStore.append(c, work.get(b), Instant.now(), id -> true);
                c.commit();
            }
            double ledgerSecs = (System.nanoTime() - t0) / 1e9;
            long items = (long) batches * batchSize;

            // Baseline: the same rows (canonical bytes and hashes already made) as plain batched INSERTs.
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT idx, id, collector, collected_at, observed_at, controls, status, summary, payload_sha256, canonical, leaf_hash
                      FROM evidence WHERE idx >= ? ORDER BY idx
                    """)) {
                ps.setLong(1, 10L * batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] r = new Object[11];
                        for (int i = 0; i < 11; i++) {
                            r[i] = i == 5 ? rs.getArray(6).getArray() : rs.getObject(i + 1);
                        }
                        rows.add(r);
                    }
                }
            }
            long t1 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO bench_plain (idx, id, collector, collected_at, observed_at, controls, status, summary,
                                             payload_sha256, canonical, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                int n = 0;
                for (Object[] r : rows) {
                    for (int i = 0; i < 11; i++) {
                        if (i == 5) {
                            ps.setArray(6, c.createArrayOf("text", (Object[]) r[5]));
                        } else {
                            ps.setObject(i + 1, r[i]);
                        }
                    }
                    ps.addBatch();
                    if (++n % batchSize == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double plainSecs = (System.nanoTime() - t1) / 1e9;
            System.out.printf("append: %d items in batches of %d: ledger %.0f items/s (%.2f s); plain INSERT baseline %.0f rows/s (%.2f s); "
                    + "ledger/baseline time %.2fx%n", items, batchSize, items / ledgerSecs, ledgerSecs, rows.size() / plainSecs, plainSecs,
                    ledgerSecs / plainSecs);
        }
        // Two appenders on two connections at once, as two instances would.
        try (Connection a = BenchDb.connect(db); Connection b = BenchDb.connect(db)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (Connection c : List.of(a, b)) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < batches / 2; i++) {
                        LedgerStore.append(c, batch(1000 + i, batchSize), Instant.now(), id -> true);
                        c.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            double secs = (System.nanoTime() - t0) / 1e9;
            long items = 2L * (batches / 2) * batchSize;
            System.out.printf("append (2 connections): %d items: %.0f items/s (%.2f s)%n", items, items / secs, secs);
        }
        try (Connection c = BenchDb.connect(db)) {
            LedgerStore.Head h = LedgerStore.head(c, false);
            if (!Arrays.equals(h.root(), StoredTree.root(c, h.treeSize()))) {
                throw new IllegalStateException("append benchmark left an inconsistent tree");
            }
        }
    }

    // ---- proofs ---------------------------------------------------------------------------------

    static void proofs(long n, int samples) throws Exception {
        String db = "trustledger_bench_" + (n % 1_000_000 == 0 ? (n / 1_000_000) + "m" : Long.toString(n));
        boolean loaded = false;
        if (BenchDb.exists(db)) {
            try (Connection c = BenchDb.connect(db)) {
                loaded = LedgerStore.head(c, false).treeSize() == n;
            } catch (SQLException e) {
                loaded = false;
            }
        }
        if (!loaded) {
            long t0 = System.nanoTime();
            BenchDb.recreate(db);
            bulkLoad(db, n);
            System.out.printf("proofs: bulk-loaded %d leaves and their subtree hashes in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
        try (Connection c = BenchDb.connect(db)) {
            LedgerStore.Head head = LedgerStore.head(c, false);
            byte[] root = head.root();
            if (!Arrays.equals(root, StoredTree.root(c, n))) {
                throw new IllegalStateException("stored subtree hashes disagree with the head");
            }
            Random random = new Random(42);
            long[] idx = new long[samples];
            for (int i = 0; i < samples; i++) {
                idx[i] = Math.floorMod(random.nextLong(), n);
            }
            // Warm-up, checking correctness on the way.
            for (int i = 0; i < 2000; i++) {
                long j = Math.floorMod(random.nextLong(), n);
                StoredTree.Inclusion p = StoredTree.inclusion(c, j, n);
                MerkleVerifier.verifyInclusion(p.leafHash(), j, n, p.proof(), root);
            }
            // What GET /api/v1/proofs/inclusion runs (EvidenceLedger): read the head, then one fetch.
            long[] proof = new long[samples];
            int hashes = 0;
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                long size = LedgerStore.head(c, false).treeSize();
                StoredTree.Inclusion p = StoredTree.inclusion(c, idx[i], size);
                proof[i] = System.nanoTime() - t;
                hashes += p.proof().size();
            }
            long[] floor = new long[samples];
            try (PreparedStatement ps = c.prepareStatement("SELECT leaf_hash FROM evidence WHERE idx = ?")) {
                for (int i = 0; i < samples; i++) {
                    long t = System.nanoTime();
                    ps.setLong(1, idx[i]);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getBytes(1);
                    }
                    floor[i] = System.nanoTime() - t;
                }
            }
            System.out.printf("proofs: %d-leaf log, %d random indexes, %.1f hashes per proof on average%n", n, samples,
                    hashes / (double) samples);
            System.out.println("proofs: inclusion proof (head read + one fetch): " + percentiles(proof));
            System.out.println("proofs: baseline single primary-key lookup:      " + percentiles(floor));
        }
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.90)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    /**
     * Synthetic leaves with real canonical bytes, written with COPY on one connection while their
     * subtree nodes go to a second; secondary indexes are dropped for the load and rebuilt after.
     */
    static void bulkLoad(String db, long n) throws Exception {
        bulkLoad(db, n, i -> "bench", Instant.parse("2026-01-01T00:00:00Z"), 10);
    }

    /**
     * As above, with the collector of item {@code i} from {@code collector}, and item {@code i} collected
     * {@code i * stepMicros} microseconds after {@code base}, truncated to the millisecond.
     */
    static void bulkLoad(String db, long n, java.util.function.LongFunction<String> collector, Instant base, long stepMicros) throws Exception {
        try (Connection ev = BenchDb.connect(db); Connection nodes = BenchDb.connect(db); Statement s = ev.createStatement()) {
            s.execute("DROP INDEX evidence_payload_sha256, evidence_leaf_hash, evidence_collected_at, evidence_collector");
            s.execute("ALTER TABLE evidence DROP CONSTRAINT evidence_id_key");
            CopyIn evCopy = ev.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY evidence (idx, id, collector, collected_at, controls, status, summary, payload_sha256, canonical, leaf_hash)"
                            + " FROM STDIN");
            CopyIn nodeCopy = nodes.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY ledger_node (level, idx, hash) FROM STDIN");
            CompactRange range = new CompactRange();
            ByteArrayOutputStream evBuf = new ByteArrayOutputStream(1 << 21);
            ByteArrayOutputStream nodeBuf = new ByteArrayOutputStream(1 << 20);
            CompactRange.NodeVisitor toCopy = (level, idx, hash) -> nodeBuf.writeBytes(
                    (level + "\t" + idx + "\t\\\\x" + Codec.toHex(hash) + "\n").getBytes(StandardCharsets.US_ASCII));
            List<String> controls = List.of("ISO27001:A.8.15");
            StringBuilder line = new StringBuilder(1024);
            Instant last = base;
            for (long i = 0; i < n; i++) {
                Instant at = base.plusMillis(i * stepMicros / 1000);
                last = at;
                UUID id = new UUID(0x7e57_0000_0000_4000L, 0x8000_0000_0000_0000L | i);
                byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                String summary = "synthetic evidence " + i;
                String source = collector.apply(i);
                EvidenceLeaf.Canonical leaf = EvidenceLeaf.build(id, source, at, null, controls, "pass", summary, payload);
                line.setLength(0);
                line.append(i).append('\t').append(id).append('\t').append(source).append('\t')
                        .append(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).append("\t{ISO27001:A.8.15}\tpass\t").append(summary)
                        .append("\t\\\\x").append(Codec.toHex(leaf.payloadSha256()))
                        .append("\t\\\\x").append(Codec.toHex(leaf.bytes()))
                        .append("\t\\\\x").append(Codec.toHex(leaf.leafHash())).append('\n');
                evBuf.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                range.append(leaf.leafHash(), toCopy);
                if (evBuf.size() > (1 << 20)) {
                    evCopy.writeToCopy(evBuf.toByteArray(), 0, evBuf.size());
                    evBuf.reset();
                    nodeCopy.writeToCopy(nodeBuf.toByteArray(), 0, nodeBuf.size());
                    nodeBuf.reset();
                }
                if (i > 0 && i % 1_000_000 == 0) {
                    System.out.printf("proofs: generated %d leaves%n", i);
                }
            }
            evCopy.writeToCopy(evBuf.toByteArray(), 0, evBuf.size());
            nodeCopy.writeToCopy(nodeBuf.toByteArray(), 0, nodeBuf.size());
            evCopy.endCopy();
            nodeCopy.endCopy();
            System.out.println("proofs: rebuilding indexes");
            s.execute("ALTER TABLE evidence ADD CONSTRAINT evidence_id_key UNIQUE (id)");
            s.execute("CREATE INDEX evidence_payload_sha256 ON evidence (payload_sha256)");
            s.execute("CREATE INDEX evidence_leaf_hash ON evidence (leaf_hash)");
            s.execute("CREATE INDEX evidence_collected_at ON evidence (collected_at)");
            s.execute("CREATE INDEX evidence_collector ON evidence (collector, idx)");
            try (PreparedStatement ps = ev.prepareStatement("UPDATE ledger_head SET tree_size = ?, frontier = ?, collected_floor = ?")) {
                ps.setLong(1, n);
                ps.setBytes(2, range.encode());
                ps.setObject(3, OffsetDateTime.ofInstant(last, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            s.execute("VACUUM ANALYZE evidence");
            s.execute("VACUUM ANALYZE ledger_node");
        }
        if (Hashes.SIZE != 32) {
            throw new AssertionError();
        }
    }
}
