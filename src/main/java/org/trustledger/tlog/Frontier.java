package org.trustledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact range [0, size) of a log, as stored in the head row, that also reports each
 * complete subtree an append finishes: exactly the nodes the store must write. A leaf at index i
 * completes one node per trailing one bit of i, the node at level L having index i >> L.
 * Not thread-safe.
 */
public final class Frontier {

    /** A complete subtree hash: root of leaves [idx << level, (idx + 1) << level). */
    public record Node(int level, long idx, byte[] hash) {
    }

    private final byte[][] hashes = new byte[65][];
    private final int[] levels = new int[65];
    private int depth;
    private long size;

    public Frontier() {
    }

    /** Resumes from stored hashes: one per set bit of {@code size}, largest subtree first. */
    public Frontier(long size, List<byte[]> frontier) {
        if (size < 0 || Long.bitCount(size) != frontier.size()) {
            throw new IllegalArgumentException("size " + size + " needs " + Long.bitCount(Math.max(0, size)) + " hashes, got "
                    + frontier.size());
        }
        int i = 0;
        for (int bit = 63; bit >= 0; bit--) {
            if ((size >>> bit & 1) == 1) {
                byte[] h = frontier.get(i++);
                if (h.length != Hashes.SIZE) {
                    throw new IllegalArgumentException("frontier hash must be 32 bytes");
                }
                hashes[depth] = h.clone();
                levels[depth++] = bit;
            }
        }
        this.size = size;
    }

    /** Decodes the head row's concatenated hashes. */
    public static Frontier decode(long size, byte[] packed) {
        if (packed.length != Long.bitCount(size) * Hashes.SIZE) {
            throw new IllegalArgumentException("frontier has " + packed.length + " bytes, size " + size + " needs "
                    + Long.bitCount(size) * Hashes.SIZE);
        }
        List<byte[]> list = new ArrayList<>();
        for (int off = 0; off < packed.length; off += Hashes.SIZE) {
            byte[] h = new byte[Hashes.SIZE];
            System.arraycopy(packed, off, h, 0, Hashes.SIZE);
            list.add(h);
        }
        return new Frontier(size, list);
    }

    /** Appends a leaf hash; adds the nodes it completes to {@code completed} (if non-null). */
    public void append(byte[] leafHash, List<Node> completed) {
        if (leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes");
        }
        long index = size++;
        hashes[depth] = leafHash;
        levels[depth++] = 0;
        while (depth >= 2 && levels[depth - 1] == levels[depth - 2]) {
            int level = levels[depth - 1] + 1;
            byte[] h = Hashes.nodeHash(hashes[depth - 2], hashes[depth - 1]);
            depth--;
            hashes[depth - 1] = h;
            levels[depth - 1] = level;
            if (completed != null) {
                completed.add(new Node(level, index >>> level, h));
            }
        }
    }

    public long size() {
        return size;
    }

    /** The stored form: the subtree roots concatenated, largest first. */
    public byte[] encode() {
        byte[] out = new byte[depth * Hashes.SIZE];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(hashes[i], 0, out, i * Hashes.SIZE, Hashes.SIZE);
        }
        return out;
    }

    /** RFC 6962 root of [0, size): the subtree roots folded right to left. */
    public byte[] root() {
        if (depth == 0) {
            return Hashes.emptyRoot();
        }
        byte[] h = hashes[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            h = Hashes.nodeHash(hashes[i], h);
        }
        return h.clone();
    }
}
