package org.trustledger.tlog;

import static org.trustledger.tlog.VerificationException.Reason.MALFORMED;
import static org.trustledger.tlog.VerificationException.Reason.OUT_OF_RANGE;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion and consistency proofs, following transparency-dev/merkle's
 * proof/verify.go: the proof length is fixed by (index, size) or (size1, size2), so length is checked
 * before any hashing, and the hash chain splits into an "inner" part below the point where the
 * path leaves the right border of the tree and a "border" part above it, where every sibling is on
 * the left.
 *
 * <p>Edge cases match that implementation's published test data: an inclusion proof needs
 * {@code 0 <= index < size}; a consistency proof needs {@code 0 < size1 <= size2}. In particular a
 * proof from the empty tree is rejected even for {@code size1 == size2 == 0}, since it proves nothing.
 * When {@code size1 == size2} the proof must be empty and the roots are compared byte for byte.
 *
 * <p>Deliberately stricter than verify.go in one way: leaf hashes and proof hashes must be 32 bytes
 * (a wrong-length hash can never belong to a valid proof, and rejecting it early gives a clearer
 * reason). Supplied roots are only compared, never length-checked.
 *
 * <p>Every verify method is compute and compare: the root a proof implies is computed, then compared
 * with the trusted one. It returns normally on success and throws {@link VerificationException}
 * otherwise: a {@link ProofSizeException} for a proof of the wrong length, a
 * {@link RootMismatchException} carrying both roots when the proof implies another root.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** Checks that {@code leafHash} is leaf {@code index} of the tree with {@code root} and {@code size}. */
    public static void verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(leafHash, index, size, proof);
        requireMatch(computed, root, "root at size " + size);
    }

    /** The root that an inclusion proof implies; the caller must compare it with a trusted root. */
    public static byte[] rootFromInclusionProof(byte[] leafHash, long index, long size, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new VerificationException(OUT_OF_RANGE, "index " + index + " out of range for size " + size);
        }
        if (leafHash == null || leafHash.length != Hashes.SIZE) {
            throw new VerificationException(MALFORMED, "leaf hash must be " + Hashes.SIZE + " bytes");
        }
        if (proof == null) {
            throw new VerificationException(MALFORMED, "missing proof");
        }
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        if (proof.size() != inner + border) {
            throw new ProofSizeException(proof.size(), inner + border);
        }
        requireHashes(proof);
        byte[] h = chainInner(leafHash, proof.subList(0, inner), index);
        return chainBorderRight(h, proof.subList(inner, proof.size()));
    }

    /**
     * Checks that the tree of {@code size2} leaves with {@code root2} extends the tree of
     * {@code size1} leaves with {@code root1}.
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (root1 == null || root2 == null || proof == null) {
            throw new VerificationException(MALFORMED, "missing root or proof");
        }
        if (size1 < 0 || size2 < 0 || size1 > size2) {
            throw new VerificationException(OUT_OF_RANGE, "size1 " + size1 + " > size2 " + size2);
        }
        if (size1 == 0) {
            throw new VerificationException(OUT_OF_RANGE, "consistency proof from the empty tree is meaningless");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofSizeException(proof.size(), 0);
            }
            requireMatch(root1, root2, "root at size " + size1);
            return;
        }

        // The path to leaf size1-1 in the size2 tree, less its lowest `shift` levels: those lie inside
        // the largest complete subtree ending at size1, whose hash is the seed.
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift;

        // That subtree's hash is the first proof element, unless size1 is a power of two: then the
        // subtree is the whole old tree and the verifier already holds its hash, root1.
        int start = size1 == 1L << shift ? 0 : 1;
        if (proof.size() != start + inner + border) {
            throw new ProofSizeException(proof.size(), start + inner + border);
        }
        requireHashes(proof);
        byte[] seed = start == 0 ? root1 : proof.get(0);
        List<byte[]> rest = proof.subList(start, proof.size());
        List<byte[]> innerPart = rest.subList(0, inner);
        List<byte[]> borderPart = rest.subList(inner, rest.size());
        long mask = (size1 - 1) >>> shift;

        // The old root uses only the left-hand siblings; the new root uses all of them.
        byte[] hash1 = chainBorderRight(chainInnerRight(seed, innerPart, mask), borderPart);
        requireMatch(hash1, root1, "root at size " + size1);
        byte[] hash2 = chainBorderRight(chainInner(seed, innerPart, mask), borderPart);
        requireMatch(hash2, root2, "root at size " + size2);
    }

    // Levels below the point where the paths to `index` and to `size-1` diverge.
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        byte[] h = seed;
        for (int i = 0; i < proof.size(); i++) {
            h = ((index >>> i) & 1) == 0 ? Hashes.nodeHash(h, proof.get(i)) : Hashes.nodeHash(proof.get(i), h);
        }
        return h;
    }

    // Like chainInner but skips right-hand siblings: yields the hash of the earlier, smaller tree.
    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        byte[] h = seed;
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                h = Hashes.nodeHash(proof.get(i), h);
            }
        }
        return h;
    }

    // Above the divergence point the path runs along the right border, so all siblings are on the left.
    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        byte[] h = seed;
        for (byte[] p : proof) {
            h = Hashes.nodeHash(p, h);
        }
        return h;
    }

    private static void requireHashes(List<byte[]> proof) {
        for (byte[] p : proof) {
            if (p == null || p.length != Hashes.SIZE) {
                throw new VerificationException(MALFORMED, "proof hashes must be " + Hashes.SIZE + " bytes");
            }
        }
    }

    private static void requireMatch(byte[] computed, byte[] expected, String what) {
        if (expected == null || !MessageDigest.isEqual(computed, expected)) {
            throw new RootMismatchException(what, expected, computed);
        }
    }
}
