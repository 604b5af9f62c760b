package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleTreeTest {

    private static final int MAX = 64;

    @Test
    void hashPrimitives() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Codec.toHex(Hashes.emptyRoot()));
        // The size-1 root of the RFC 6962 vectors is the leaf hash of the empty string.
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                Codec.toHex(Hashes.leafHash(new byte[0])));
        byte[] l = Hashes.leafHash(new byte[0]);
        byte[] r = Hashes.leafHash(new byte[] {0});
        assertEquals("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", Codec.toHex(Hashes.nodeHash(l, r)));
    }

    @Test
    void rfc6962RootsForSizes0To8() {
        List<byte[]> leaves = TestVectors.rfc6962LeafHashes();
        List<byte[]> want = TestVectors.hexList(TestVectors.integrity().path("rfc6962").path("rootsBySize"));
        assertEquals(9, want.size());
        InMemoryHashSource stored = new InMemoryHashSource();
        MerkleTree tree = new MerkleTree(stored);
        MerkleTree plain = new MerkleTree(plainSource(leaves));
        CompactRange range = new CompactRange();
        for (int size = 0; size <= 8; size++) {
            assertArrayEquals(want.get(size), tree.root(size), "stored root " + size);
            assertArrayEquals(want.get(size), plain.root(size), "plain root " + size);
            assertArrayEquals(want.get(size), range.root(), "compact range root " + size);
            assertArrayEquals(want.get(size), Rfc6962Reference.mth(leaves.subList(0, size)), "reference " + size);
            if (size < 8) {
                stored.appendLeafHash(leaves.get(size));
                range.append(leaves.get(size));
            }
        }
    }

    @Test
    void rfc6962InclusionProof0Of8() {
        JsonNode v = TestVectors.integrity().path("rfc6962");
        List<byte[]> want = TestVectors.hexList(v.path("inclusionProof_0_8"));
        List<byte[]> leaves = TestVectors.rfc6962LeafHashes();
        List<byte[]> got = new MerkleTree(plainSource(leaves)).inclusionProof(0, 8);
        assertHashListEquals(want, got);
        byte[] root = Codec.fromHex(v.path("rootsBySize").get(8).asText());
        MerkleVerifier.verifyInclusion(leaves.get(0), 0, 8, got, root);
    }

    static IntStream sizes() {
        return IntStream.rangeClosed(1, MAX);
    }

    /**
     * For tree size n: every inclusion proof and every consistency proof from m in [1, n] equals the
     * RFC definition, passes the independent recursive verifier and MerkleVerifier, and is identical
     * whether the source stores subtree hashes or only leaves.
     */
    @ParameterizedTest(name = "n={0}")
    @MethodSource("sizes")
    void allProofsForTreeSize(int n) {
        List<byte[]> leaves = syntheticLeaves(n);
        InMemoryHashSource storedSource = new InMemoryHashSource();
        leaves.forEach(storedSource::appendLeafHash);
        MerkleTree stored = new MerkleTree(storedSource);
        MerkleTree plain = new MerkleTree(plainSource(leaves));

        byte[] root = Rfc6962Reference.mth(leaves);
        assertArrayEquals(root, stored.root(n));
        assertArrayEquals(root, plain.root(n));
        assertArrayEquals(root, CompactRange.rootOf(leaves));

        for (int i = 0; i < n; i++) {
            List<byte[]> proof = stored.inclusionProof(i, n);
            assertHashListEquals(Rfc6962Reference.path(i, leaves), proof);
            assertHashListEquals(proof, plain.inclusionProof(i, n));
            assertTrue(Rfc6962Reference.verifyPath(i, n, leaves.get(i), proof, root), "reference verifier i=" + i);
            MerkleVerifier.verifyInclusion(leaves.get(i), i, n, proof, root);
            if (n > 1) {
                int index = i;
                byte[] otherLeaf = leaves.get((i + 1) % n);
                assertThrows(VerificationException.class,
                        () -> MerkleVerifier.verifyInclusion(otherLeaf, index, n, proof, root));
            }
        }

        for (int m = 1; m <= n; m++) {
            byte[] oldRoot = Rfc6962Reference.mth(leaves.subList(0, m));
            List<byte[]> proof = stored.consistencyProof(m, n);
            assertHashListEquals(Rfc6962Reference.proof(m, leaves), proof);
            assertHashListEquals(proof, plain.consistencyProof(m, n));
            assertTrue(Rfc6962Reference.verifyConsistency(m, n, oldRoot, root, proof), "reference verifier m=" + m);
            MerkleVerifier.verifyConsistency(m, n, oldRoot, root, proof);
            if (m < n) {
                int mm = m;
                assertThrows(VerificationException.class,
                        () -> MerkleVerifier.verifyConsistency(mm, n, root, oldRoot, proof));
            }
        }
    }

    @Test
    void argumentChecks() {
        MerkleTree tree = new MerkleTree(plainSource(syntheticLeaves(4)));
        assertThrows(IllegalArgumentException.class, () -> tree.root(-1));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(4, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(0, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(3, 2));
        assertTrue(tree.consistencyProof(4, 4).isEmpty());
    }

    @Test
    void compactRangeResumesFromStoredHashes() {
        List<byte[]> leaves = syntheticLeaves(45);
        CompactRange a = new CompactRange();
        for (int i = 0; i < 29; i++) {
            a.append(leaves.get(i));
        }
        CompactRange b = new CompactRange(a.size(), a.hashes());
        for (int i = 29; i < 45; i++) {
            a.append(leaves.get(i));
            b.append(leaves.get(i));
        }
        assertArrayEquals(Rfc6962Reference.mth(leaves), b.root());
        assertArrayEquals(a.root(), b.root());
        assertThrows(IllegalArgumentException.class, () -> new CompactRange(3, a.hashes()));
    }

    @Test
    void compactRangeUsesExactlyNMinusOneNodeHashes() {
        for (int n = 1; n <= 300; n++) {
            CompactRange r = new CompactRange();
            syntheticLeaves(n).forEach(r::append);
            r.root();
            assertEquals(n - 1, r.nodeHashCount(), "n=" + n);
        }
    }

    static List<byte[]> syntheticLeaves(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Hashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8), 42}));
        }
        return out;
    }

    /** A source that serves leaves only, forcing MerkleTree to derive every interior hash. */
    static HashSource plainSource(List<byte[]> leaves) {
        return i -> leaves.get(Math.toIntExact(i));
    }

    static void assertHashListEquals(List<byte[]> want, List<byte[]> got) {
        assertEquals(want.size(), got.size(), "proof length");
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), "proof element " + i);
        }
    }
}
