package org.trustledger.ledger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CompactRange over 1,000,000 leaf hashes against the floor it cannot beat: a plain loop making the
 * same 999,999 node-hash calls. Best-of-several timings, interleaved, to damp a noisy shared machine.
 */
class CompactRangeBenchmarkTest {

    private static final int N = 1_000_000;
    private static final double MAX_RATIO = 1.3;

    @Test
    void rootOfAMillionLeavesCostsAboutNMinusOneNodeHashes() {
        byte[][] leaves = new byte[N][];
        for (int i = 0; i < N; i++) {
            leaves[i] = Hashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
        }

        long bestBaseline = Long.MAX_VALUE;
        long bestRange = Long.MAX_VALUE;
        byte[] sink = null;
        byte[] root = null;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            byte[] h = leaves[0];
            for (int i = 1; i < N; i++) {
                h = Hashes.nodeHash(h, leaves[i]);
            }
            long t1 = System.nanoTime();
            CompactRange r = new CompactRange();
            for (byte[] leaf : leaves) {
                r.append(leaf);
            }
            root = r.root();
            long t2 = System.nanoTime();
            assertEquals(N - 1, r.nodeHashCount());
            sink = h;
            if (round > 0) { // round 0 is JIT warm-up
                bestBaseline = Math.min(bestBaseline, t1 - t0);
                bestRange = Math.min(bestRange, t2 - t1);
            }
        }
        assertEquals(32, sink.length);
        assertArrayEquals(new MerkleTree(i -> leaves[(int) i]).root(N), root);

        double ratio = (double) bestRange / bestBaseline;
        System.out.printf("CompactRange 1M leaves: %.1f ms; baseline 999,999 nodeHash calls: %.1f ms; ratio %.2f%n",
                bestRange / 1e6, bestBaseline / 1e6, ratio);
        assertTrue(ratio <= MAX_RATIO, "CompactRange is " + ratio + "x the plain node-hash loop");
    }
}
