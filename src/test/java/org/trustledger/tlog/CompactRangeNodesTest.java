package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeNodesTest {

    @Test
    void reportsExactlyTheCompleteSubtreesAndAgreesWithTheReference() {
        List<byte[]> leaves = new ArrayList<>();
        InMemoryHashSource mem = new InMemoryHashSource();
        CompactRange f = new CompactRange();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = Hashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8)});
            leaves.add(leaf);
            mem.appendLeafHash(leaf);
            // Resuming from the encoded form after every append must be lossless.
            f = CompactRange.decode(f.size(), f.encode());
            f.append(leaf, (level, index, hash) -> nodes.add(new Node(level, index, hash)));
            assertArrayEquals(Rfc6962Reference.mth(leaves), f.root(), "root at size " + (i + 1));
        }
        long expectedNodes = 0;
        for (int level = 1; (300 >> level) > 0; level++) {
            expectedNodes += 300 >> level;
        }
        assertEquals(expectedNodes, nodes.size());
        for (Node n : nodes) {
            assertArrayEquals(mem.subtreeHash(n.level(), n.idx()), n.hash(), "node " + n.level() + "/" + n.idx());
            int from = (int) (n.idx() << n.level());
            assertArrayEquals(Rfc6962Reference.mth(leaves.subList(from, from + (1 << n.level()))), n.hash());
        }
    }

    @Test
    void emptyRangeHasTheEmptyRoot() {
        assertArrayEquals(Hashes.sha256(new byte[0]), new CompactRange().root());
        assertEquals(0, new CompactRange().encode().length);
    }

    private record Node(int level, long idx, byte[] hash) {
    }
}
