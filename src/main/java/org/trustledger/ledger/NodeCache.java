package org.trustledger.ledger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps hashes of the upper complete subtrees in memory. A complete subtree's hash never changes
 * once written (the log is append-only), and every proof walks through the same few upper nodes,
 * so caching levels >= {@link #MIN_LEVEL} halves the index probes per proof on a 10M-leaf log at a
 * cost of about n / 1024 entries. Bounded: when full, further nodes are simply read each time.
 * Restart the application after restoring the database from a backup, as a cache would still hold
 * the nodes of the log it replaced.
 */
public final class NodeCache {

    static final int MIN_LEVEL = 10;

    private final ConcurrentHashMap<Long, byte[]> hashes = new ConcurrentHashMap<>();
    private final int maxEntries;

    public NodeCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    byte[] get(int level, long key) {
        return level >= MIN_LEVEL ? hashes.get(key) : null;
    }

    void put(int level, long key, byte[] hash) {
        if (level >= MIN_LEVEL && hashes.size() < maxEntries) {
            hashes.putIfAbsent(key, hash);
        }
    }

    public int size() {
        return hashes.size();
    }
}
