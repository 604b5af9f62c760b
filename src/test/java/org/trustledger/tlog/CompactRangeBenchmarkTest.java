package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * CompactRange over 1,000,000 leaf hashes makes exactly n-1 node hashes and gets the RFC 6962 root.
 * Its speed against the plain node-hash loop is measured by the JMH benchmark in bench/ (see
 * bench/RESULTS.md), not asserted here: a timed unit test is flaky on a shared machine.
 */
class CompactRangeBenchmarkTest {

    private static final int N = 1_000_000;

    @Test
    void rootOfAMillionLeavesCostsExactlyNMinusOneNodeHashes() {
        byte[][] leaves = new byte[N][];
        for (int i = 0; i < N; i++) {
            leaves[i] = Hashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
        }
        CompactRange r = new CompactRange();
        for (byte[] leaf : leaves) {
            r.append(leaf);
        }
        byte[] root = r.root();
        assertEquals(N - 1, r.nodeHashCount());
        assertArrayEquals(new MerkleTree(i -> leaves[(int) i]).root(N), root);
    }
}
