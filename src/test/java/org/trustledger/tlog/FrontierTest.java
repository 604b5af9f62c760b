package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontierTest {

    @Test
    void reportsExactlyTheCompleteSubtreesAndAgreesWithTheReference() {
        List<byte[]> leaves = new ArrayList<>();
        InMemoryHashSource mem = new InMemoryHashSource();
        Frontier f = new Frontier();
        List<Frontier.Node> nodes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = Hashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8)});
            leaves.add(leaf);
            mem.appendLeafHash(leaf);
            // Resuming from the encoded form after every append must be lossless.
            f = Frontier.decode(f.size(), f.encode());
            f.append(leaf, nodes);
            assertArrayEquals(Rfc6962Reference.mth(leaves), f.root(), "root at size " + (i + 1));
        }
        long expectedNodes = 0;
        for (int level = 1; (300 >> level) > 0; level++) {
            expectedNodes += 300 >> level;
        }
        assertEquals(expectedNodes, nodes.size());
        for (Frontier.Node n : nodes) {
            assertArrayEquals(mem.subtreeHash(n.level(), n.idx()), n.hash(), "node " + n.level() + "/" + n.idx());
            int from = (int) (n.idx() << n.level());
            assertArrayEquals(Rfc6962Reference.mth(leaves.subList(from, from + (1 << n.level()))), n.hash());
        }
    }

    @Test
    void emptyFrontierHasTheEmptyRoot() {
        assertArrayEquals(Hashes.sha256(new byte[0]), new Frontier().root());
        assertEquals(0, new Frontier().encode().length);
    }
}
