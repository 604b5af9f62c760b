package org.trustledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Append-only in-memory log that stores every complete subtree hash as leaves arrive, the way
 * sumdb/tlog's stored hashes do: roughly 2n hashes of memory, n-1 node hashes of work in total, and
 * O(log n) reads per root or proof. Intended for tests and small tools; not thread-safe.
 */
public final class InMemoryHashSource implements HashSource {

    // levels.get(k).get(i) is the root of leaves [i << k, (i + 1) << k).
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends an already hashed leaf. */
    public void appendLeafHash(byte[] leafHash) {
        if (leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("leaf hash must be " + Hashes.SIZE + " bytes");
        }
        byte[] h = leafHash.clone();
        for (int level = 0; ; level++) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> row = levels.get(level);
            row.add(h);
            if ((row.size() & 1) != 0) {
                return;
            }
            // An even count completes a pair, hence a new subtree one level up.
            h = Hashes.nodeHash(row.get(row.size() - 2), h);
        }
    }

    /** Appends an entry, hashing it as a leaf. */
    public void appendEntry(byte[] entry) {
        appendLeafHash(Hashes.leafHash(entry));
    }

    /** Number of leaves. */
    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    @Override
    public byte[] leafHash(long index) {
        return levels.get(0).get(Math.toIntExact(index)).clone();
    }

    @Override
    public byte[] subtreeHash(int level, long index) {
        if (level >= levels.size() || index >= levels.get(level).size()) {
            return null;
        }
        return levels.get(level).get(Math.toIntExact(index)).clone();
    }
}
