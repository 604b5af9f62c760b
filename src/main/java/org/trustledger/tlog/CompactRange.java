package org.trustledger.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact range [0, size) of a log: the roots of the complete subtrees that make up the tree,
 * largest first (tlog's "stack of complete subtrees"). It is both the streaming root builder and
 * the ledger head's stored form.
 *
 * <p>Appending merges equal-height neighbours, and {@link #root()} folds the stack from the right,
 * so n leaves cost exactly n-1 node hashes and O(log n) memory. Like transparency-dev/merkle's
 * {@code compact.Range.Append(hash, visit)}, an append can report each complete subtree it
 * finishes to a {@link NodeVisitor}: exactly the interior nodes a store must write. A leaf at index i
 * completes one node per trailing one bit of i, the node at level L having index i >> L. Without a
 * visitor the hot path neither allocates nor looks up a thread-local: the range owns its digest and
 * a flat stack buffer. Not thread-safe.
 */
public final class CompactRange {

    private static final int MAX_HEIGHT = 64;

    private final MessageDigest md = Hashes.newSha256();
    private final byte[] scratch = new byte[1 + 2 * Hashes.SIZE];
    // stack[i*32 .. i*32+32) is the root of the i-th complete subtree from the left.
    private final byte[] stack = new byte[(MAX_HEIGHT + 1) * Hashes.SIZE];
    private final byte[] rootBuf = new byte[Hashes.SIZE];
    private int depth;
    private long size;
    private long nodeHashes;

    /** Receives each complete subtree an append finishes: the root of leaves [index << level, (index + 1) << level). */
    @FunctionalInterface
    public interface NodeVisitor {
        void visit(int level, long index, byte[] hash);
    }

    /** An empty range. */
    public CompactRange() {
    }

    /**
     * Resumes from a stored range: {@code hashes} are the subtree roots for {@code size}, largest
     * first, one per set bit of {@code size} (as returned by {@link #hashes()}).
     */
    public CompactRange(long size, List<byte[]> hashes) {
        if (size < 0 || Long.bitCount(size) != hashes.size()) {
            throw new IllegalArgumentException("size " + size + " needs " + Long.bitCount(Math.max(size, 0))
                    + " hashes, got " + hashes.size());
        }
        for (byte[] h : hashes) {
            if (h.length != Hashes.SIZE) {
                throw new IllegalArgumentException("hash must be " + Hashes.SIZE + " bytes");
            }
            System.arraycopy(h, 0, stack, depth++ * Hashes.SIZE, Hashes.SIZE);
        }
        this.size = size;
    }

    /** Decodes the stored form, {@link #encode()}: the subtree roots concatenated, largest first. */
    public static CompactRange decode(long size, byte[] packed) {
        if (size < 0 || packed.length != (long) Long.bitCount(size) * Hashes.SIZE) {
            throw new IllegalArgumentException("compact range has " + packed.length + " bytes, size " + size + " needs "
                    + (long) Long.bitCount(Math.max(size, 0)) * Hashes.SIZE);
        }
        List<byte[]> hashes = new ArrayList<>(Long.bitCount(size));
        for (int off = 0; off < packed.length; off += Hashes.SIZE) {
            hashes.add(Arrays.copyOfRange(packed, off, off + Hashes.SIZE));
        }
        return new CompactRange(size, hashes);
    }

    /** Root of the tree of the given leaf hashes. */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        CompactRange r = new CompactRange();
        for (byte[] h : leafHashes) {
            r.append(h);
        }
        return r.root();
    }

    /** Appends one leaf hash (32 bytes, already SHA-256(0x00 || entry)). */
    public void append(byte[] leafHash) {
        append(leafHash, null);
    }

    /**
     * Appends one leaf hash and passes each subtree it completes to {@code visit} (if non-null), lowest
     * level first; the visitor gets its own copy of the hash.
     */
    public void append(byte[] leafHash, NodeVisitor visit) {
        if (leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("leaf hash must be " + Hashes.SIZE + " bytes");
        }
        if (size == -1L >>> 1) {
            throw new IllegalStateException("tree is full");
        }
        long index = size;
        System.arraycopy(leafHash, 0, stack, depth * Hashes.SIZE, Hashes.SIZE);
        depth++;
        size++;
        // Each trailing zero bit of the new size is a pair of equal subtrees that just completed.
        int level = 0;
        for (long s = size; (s & 1) == 0; s >>>= 1) {
            int right = (depth - 1) * Hashes.SIZE;
            int left = right - Hashes.SIZE;
            Hashes.nodeHashInto(md, scratch, stack, left, stack, right, stack, left);
            nodeHashes++;
            depth--;
            level++;
            if (visit != null) {
                visit.visit(level, index >>> level, Arrays.copyOfRange(stack, left, left + Hashes.SIZE));
            }
        }
    }

    /** Number of leaves appended (including any resumed size). */
    public long size() {
        return size;
    }

    /** Node hashes computed by this instance so far; lets callers check the n-1 bound. */
    public long nodeHashCount() {
        return nodeHashes;
    }

    /** The subtree roots, largest first; copies, safe to store and pass back to the constructor. */
    public List<byte[]> hashes() {
        List<byte[]> out = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            byte[] h = new byte[Hashes.SIZE];
            System.arraycopy(stack, i * Hashes.SIZE, h, 0, Hashes.SIZE);
            out.add(h);
        }
        return out;
    }

    /** The stored form: the subtree roots concatenated, largest first. */
    public byte[] encode() {
        return Arrays.copyOf(stack, depth * Hashes.SIZE);
    }

    /** RFC 6962 root of the leaves so far; does not disturb the range, so appending may continue. */
    public byte[] root() {
        if (depth == 0) {
            return Hashes.emptyRoot();
        }
        System.arraycopy(stack, (depth - 1) * Hashes.SIZE, rootBuf, 0, Hashes.SIZE);
        // The RFC splits at the largest power of two, so the smaller subtrees combine right to left.
        for (int i = depth - 2; i >= 0; i--) {
            Hashes.nodeHashInto(md, scratch, stack, i * Hashes.SIZE, rootBuf, 0, rootBuf, 0);
            nodeHashes++;
        }
        return rootBuf.clone();
    }
}
