package org.trustledger.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1 Merkle tree hash, inclusion proofs and consistency proofs over a
 * {@link HashSource}.
 *
 * <p>The recursion follows the RFC definitions literally (MTH, PATH, PROOF/SUBPROOF), splitting at
 * the largest power of two below n. Every left half that recursion produces is a complete, aligned
 * subtree, so with a source that stores subtree hashes each call reads O(log n) hashes: a root
 * needs one per set bit of the size, and a proof needs at most one incomplete sibling on its path.
 *
 * <p>Stateless and thread-safe as long as the source is.
 */
public final class MerkleTree {

    private final HashSource source;

    public MerkleTree(HashSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** MTH of the first {@code size} leaves; the empty-tree root for size 0. */
    public byte[] root(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        return size == 0 ? Hashes.emptyRoot() : rangeHash(0, size);
    }

    /**
     * RFC 9162 §2.1.3.1 PATH(index, D[0:size]), ordered from the leaf's sibling up to the child of the
     * root, i.e. the order {@link MerkleVerifier#verifyInclusion} consumes.
     */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " out of range for size " + size);
        }
        List<byte[]> proof = new ArrayList<>(64);
        path(index, 0, size, proof);
        return proof;
    }

    /**
     * RFC 9162 §2.1.4.1 PROOF(m, D[0:n]). Empty when {@code m == n}. A proof from the empty tree is
     * refused rather than returned empty, because {@link MerkleVerifier} (like transparency-dev/merkle)
     * rejects it: consistency with nothing proves nothing.
     */
    public List<byte[]> consistencyProof(long m, long n) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("need 0 < m <= n, got m=" + m + " n=" + n);
        }
        List<byte[]> proof = new ArrayList<>(64);
        subproof(m, 0, n, true, proof);
        return proof;
    }

    // PATH(m, D[start:start+n]); the recursion adds deeper siblings first.
    private void path(long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, out);
            out.add(rangeHash(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, out);
            out.add(completeHash(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b).
    private void subproof(long m, long start, long n, boolean b, List<byte[]> out) {
        if (m == n) {
            if (!b) {
                out.add(rangeHash(start, n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, b, out);
            out.add(rangeHash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, out);
            out.add(completeHash(start, k));
        }
    }

    // MTH(D[start:start+n]) for n >= 1; start is always a multiple of the largest power of two
    // below n here, so the left part is a complete subtree the source may have stored.
    private byte[] rangeHash(long start, long n) {
        if (Long.bitCount(n) == 1) {
            return completeHash(start, n);
        }
        long k = largestPowerOfTwoBelow(n);
        return Hashes.nodeHash(completeHash(start, k), rangeHash(start + k, n - k));
    }

    // Hash of the complete aligned subtree [start, start+n), n a power of two.
    private byte[] completeHash(long start, long n) {
        int level = Long.numberOfTrailingZeros(n);
        if (level == 0) {
            return source.leafHash(start);
        }
        byte[] stored = source.subtreeHash(level, start >>> level);
        if (stored != null) {
            return stored;
        }
        long half = n >>> 1;
        return Hashes.nodeHash(completeHash(start, half), completeHash(start + half, half));
    }

    /** The largest power of two strictly less than {@code n}, for {@code n >= 2}: the RFC's k. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
