package org.trustledger.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.trustledger.tlog.HashSource;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.MerkleTree;

/**
 * Roots and proofs over the hashes stored in PostgreSQL, in one round trip.
 *
 * <p>Which hashes {@link MerkleTree} asks for depends only on the index and sizes, never on hash
 * values. So a first pass runs against a source that records the requests and answers with
 * placeholders; all recorded leaves and subtree nodes are then fetched in one query, and the
 * second pass computes the real answer. Every complete subtree inside the tree is stored (see
 * {@link LedgerStore}), so the recorder may claim to have them all and the walk stays O(log n).
 */
public final class StoredTree {

    private static final byte[] PLACEHOLDER = new byte[Hashes.SIZE];

    private static final String FETCH = """
            SELECT 0, e.idx, e.leaf_hash FROM evidence e WHERE e.idx = ANY (?)
            UNION ALL
            SELECT n.level, n.idx, n.hash FROM ledger_node n
              JOIN unnest(?::int4[], ?::int8[]) AS k (level, idx) ON n.level = k.level AND n.idx = k.idx
            """;

    private StoredTree() {
    }

    /** The stored hashes are not what the log's own invariants require. */
    public static final class CorruptLedgerException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CorruptLedgerException(String message) {
            super(message);
        }
    }

    /** An inclusion proof with the leaf hash and root it connects. */
    public record Inclusion(byte[] leafHash, byte[] root, List<byte[]> proof) {
    }

    /** A consistency proof with both roots. */
    public record Consistency(byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    }

    /** Leaf hash, root at {@code size} and the inclusion proof, all from one query. */
    public static Inclusion inclusion(Connection c, long index, long size) throws SQLException {
        return compute(c, (t, s) -> new Inclusion(s.leafHash(index), t.root(size), t.inclusionProof(index, size)));
    }

    /** Both roots and the consistency proof, all from one query. */
    public static Consistency consistency(Connection c, long first, long second) throws SQLException {
        return compute(c, (t, s) -> new Consistency(t.root(first), t.root(second), t.consistencyProof(first, second)));
    }

    public static byte[] root(Connection c, long size) throws SQLException {
        return compute(c, t -> t.root(size));
    }

    public static List<byte[]> inclusionProof(Connection c, long index, long size) throws SQLException {
        return compute(c, t -> t.inclusionProof(index, size));
    }

    public static List<byte[]> consistencyProof(Connection c, long first, long second) throws SQLException {
        return compute(c, t -> t.consistencyProof(first, second));
    }

    /** Runs {@code f} twice: once to learn which hashes it reads, once over those hashes fetched together. */
    public static <T> T compute(Connection c, Function<MerkleTree, T> f) throws SQLException {
        return compute(c, (t, s) -> f.apply(t));
    }

    /** As {@link #compute(Connection, Function)}, with direct access to the source for single leaves. */
    public static <T> T compute(Connection c, BiFunction<MerkleTree, HashSource, T> f) throws SQLException {
        Recorder recorder = new Recorder();
        f.apply(new MerkleTree(recorder), recorder);
        Fetched fetched = fetch(c, recorder);
        return f.apply(new MerkleTree(fetched), fetched);
    }

    private static Fetched fetch(Connection c, Recorder r) throws SQLException {
        Fetched out = new Fetched();
        if (r.leaves.isEmpty() && r.nodes.isEmpty()) {
            return out;
        }
        Long[] leafIdx = r.leaves.toArray(new Long[0]);
        Integer[] nodeLevel = new Integer[r.nodes.size()];
        Long[] nodeIdx = new Long[r.nodes.size()];
        int i = 0;
        for (long[] n : r.nodes) {
            nodeLevel[i] = (int) n[0];
            nodeIdx[i++] = n[1];
        }
        try (PreparedStatement ps = c.prepareStatement(FETCH)) {
            Array a1 = c.createArrayOf("int8", leafIdx);
            Array a2 = c.createArrayOf("int4", nodeLevel);
            Array a3 = c.createArrayOf("int8", nodeIdx);
            ps.setArray(1, a1);
            ps.setArray(2, a2);
            ps.setArray(3, a3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getLong(2), rs.getBytes(3));
                }
            }
        }
        return out;
    }

    private static final class Recorder implements HashSource {
        final Set<Long> leaves = new LinkedHashSet<>();
        final List<long[]> nodes = new ArrayList<>();
        final Set<Long> nodeKeys = new LinkedHashSet<>();

        @Override
        public byte[] leafHash(long index) {
            leaves.add(index);
            return PLACEHOLDER;
        }

        @Override
        public byte[] subtreeHash(int level, long index) {
            if (nodeKeys.add(key(level, index))) {
                nodes.add(new long[] {level, index});
            }
            return PLACEHOLDER;
        }
    }

    private static final class Fetched implements HashSource {
        final Map<Long, byte[]> hashes = new HashMap<>();

        void put(int level, long idx, byte[] hash) {
            hashes.put(key(level, idx), hash);
        }

        @Override
        public byte[] leafHash(long index) {
            return get(0, index);
        }

        @Override
        public byte[] subtreeHash(int level, long index) {
            return get(level, index);
        }

        private byte[] get(int level, long index) {
            byte[] h = hashes.get(key(level, index));
            if (h == null || h.length != Hashes.SIZE) {
                throw new CorruptLedgerException(level == 0 ? "leaf " + index + " is missing"
                        : "subtree hash (level " + level + ", index " + index + ") is missing");
            }
            return h;
        }
    }

    // Level fits in 6 bits and an index below 2^57 covers any log that can exist.
    private static long key(int level, long index) {
        return (long) level << 57 | index;
    }
}
