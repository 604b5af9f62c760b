package org.trustledger.tlog;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A million-leaf log whose store keeps one hash per complete 256-leaf tile (and per complete group of
 * tiles above that), like tlog tiles. MerkleTree must read only O(log n) hashes from it per root or
 * proof, and must agree with a leaves-only source and with CompactRange.
 */
class LogarithmicReadsTest {

    private static final long N = 1_000_000;
    private static final int TILE_LEVEL = 8; // 256 leaves
    private static final int LOG2_N = 64 - Long.numberOfLeadingZeros(N - 1); // 20

    static CountingTiledSource tiled;
    static byte[] plainRoot;

    @BeforeAll
    static void build() {
        tiled = new CountingTiledSource(N);
        CompactRange range = new CompactRange();
        for (long i = 0; i < N; i++) {
            range.append(CountingTiledSource.leaf(i));
        }
        plainRoot = range.root();
        // A leaves-only source touches every leaf, as the baseline the tiles are measured against.
        CountingTiledSource leavesOnly = new CountingTiledSource(N, false);
        assertArrayEquals(plainRoot, new MerkleTree(leavesOnly).root(N));
        assertEquals(N, leavesOnly.reads);
    }

    @Test
    void rootReadsOneHashPerCompleteSubtree() {
        for (long size : new long[] {N, N - 1, 777_777, 1L << 19, 256, 257, 1}) {
            tiled.reads = 0;
            byte[] root = new MerkleTree(tiled).root(size);
            assertEquals(Long.bitCount(size), tiled.reads, "reads for root(" + size + ")");
            if (size == N) {
                assertArrayEquals(plainRoot, root);
            }
        }
    }

    @Test
    void proofsReadLogarithmicallyManyHashes() {
        MerkleTree tree = new MerkleTree(tiled);
        long bound = 2L * LOG2_N;
        long maxInclusion = 0;
        long maxConsistency = 0;
        for (long index : new long[] {0, 1, 255, 256, 123_456, 524_288, N - 2, N - 1}) {
            tiled.reads = 0;
            List<byte[]> proof = tree.inclusionProof(index, N);
            assertTrue(tiled.reads <= bound, "inclusion " + index + " read " + tiled.reads);
            maxInclusion = Math.max(maxInclusion, tiled.reads);
            MerkleVerifier.verifyInclusion(CountingTiledSource.leaf(index), index, N, proof, plainRoot);
        }
        for (long m : new long[] {1, 2, 3, 256, 1000, 65_537, 524_288, 777_777, N - 1, N}) {
            tiled.reads = 0;
            List<byte[]> proof = tree.consistencyProof(m, N);
            assertTrue(tiled.reads <= bound, "consistency " + m + " read " + tiled.reads);
            maxConsistency = Math.max(maxConsistency, tiled.reads);
            byte[] oldRoot = tree.root(m);
            MerkleVerifier.verifyConsistency(m, N, oldRoot, plainRoot, proof);
        }
        System.out.printf("n=%d: max hash reads per inclusion proof %d, per consistency proof %d (bound %d)%n",
                N, maxInclusion, maxConsistency, bound);
    }

    @Test
    void tiledProofsEqualLeavesOnlyProofs() {
        CountingTiledSource leavesOnly = new CountingTiledSource(N, false);
        MerkleTreeTest.assertHashListEquals(
                new MerkleTree(leavesOnly).inclusionProof(654_321, N), new MerkleTree(tiled).inclusionProof(654_321, N));
        MerkleTreeTest.assertHashListEquals(
                new MerkleTree(leavesOnly).consistencyProof(333_333, N), new MerkleTree(tiled).consistencyProof(333_333, N));
    }

    /**
     * Leaf i's hash is SHA-256 of i (8 bytes, big-endian), computed on demand. Interior hashes are
     * stored for tiles and above; smaller subtrees are recomputed inside the store, as a tile reader
     * would from the one tile it fetched. {@link #reads} counts hashes handed to the caller.
     */
    static final class CountingTiledSource implements HashSource {
        final long size;
        final boolean serveSubtrees;
        final byte[][][] stored = new byte[64][][];
        long reads;

        CountingTiledSource(long size) {
            this(size, true);
        }

        CountingTiledSource(long size, boolean serveSubtrees) {
            this.size = size;
            this.serveSubtrees = serveSubtrees;
            if (serveSubtrees) {
                byte[][] level = new byte[(int) (size >>> TILE_LEVEL)][];
                for (int t = 0; t < level.length; t++) {
                    level[t] = compute(TILE_LEVEL, t);
                }
                stored[TILE_LEVEL] = level;
                for (int l = TILE_LEVEL + 1; stored[l - 1].length > 1; l++) {
                    byte[][] below = stored[l - 1];
                    byte[][] above = new byte[below.length / 2][];
                    for (int i = 0; i < above.length; i++) {
                        above[i] = Hashes.nodeHash(below[2 * i], below[2 * i + 1]);
                    }
                    stored[l] = above;
                }
            }
        }

        static byte[] leaf(long i) {
            return Hashes.sha256(ByteBuffer.allocate(8).putLong(i).array());
        }

        @Override
        public byte[] leafHash(long index) {
            reads++;
            return leaf(index);
        }

        @Override
        public byte[] subtreeHash(int level, long index) {
            if (!serveSubtrees) {
                return null;
            }
            assertTrue((index + 1) << level <= size, "asked for a subtree beyond the tree");
            reads++;
            if (level >= TILE_LEVEL) {
                return stored[level][(int) index];
            }
            return compute(level, index);
        }

        private static byte[] compute(int level, long index) {
            if (level == 0) {
                return leaf(index);
            }
            return Hashes.nodeHash(compute(level - 1, 2 * index), compute(level - 1, 2 * index + 1));
        }
    }
}
