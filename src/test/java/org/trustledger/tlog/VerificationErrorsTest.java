package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed verification failures carry their values; the chain hash and the shared report format. */
class VerificationErrorsTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Hashes.leafHash(new byte[] {(byte) i}));
        }
        return out;
    }

    @Test
    void rootMismatchCarriesBothRoots() {
        List<byte[]> leaves = leaves(5);
        InMemoryHashSource mem = new InMemoryHashSource();
        leaves.forEach(mem::appendLeafHash);
        MerkleTree tree = new MerkleTree(mem);
        byte[] root = CompactRange.rootOf(leaves);
        byte[] wrong = Hashes.sha256("wrong".getBytes(StandardCharsets.UTF_8));
        RootMismatchException e = assertThrows(RootMismatchException.class,
                () -> MerkleVerifier.verifyInclusion(leaves.get(2), 2, 5, tree.inclusionProof(2, 5), wrong));
        assertArrayEquals(wrong, e.expected());
        assertArrayEquals(root, e.computed());
        assertEquals(VerificationException.Reason.ROOT_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains(Codec.toHex(root)) && e.getMessage().contains(Codec.toHex(wrong)), e.getMessage());
    }

    @Test
    void proofOfTheWrongLengthSaysHowLong() {
        List<byte[]> leaves = leaves(5);
        ProofSizeException e = assertThrows(ProofSizeException.class,
                () -> MerkleVerifier.verifyInclusion(leaves.get(2), 2, 5, List.of(), CompactRange.rootOf(leaves)));
        assertEquals(0, e.actual());
        assertEquals(3, e.expected());
        assertThrows(ProofSizeException.class,
                () -> MerkleVerifier.verifyConsistency(3, 5, CompactRange.rootOf(leaves.subList(0, 3)), CompactRange.rootOf(leaves), List.of()));
    }

    @Test
    void chainHashIsSha256OfPrevAndEvent() {
        byte[] event = "{\"seq\":0}".getBytes(StandardCharsets.UTF_8);
        byte[] cat = new byte[32 + event.length];
        System.arraycopy(event, 0, cat, 32, event.length);
        byte[] hash = ChainHash.next(ChainHash.zero(), event);
        assertArrayEquals(Hashes.sha256(cat), hash);
        assertArrayEquals(hash, ChainHash.verify(ChainHash.zero(), event, hash));
        ChainHashMismatchException e = assertThrows(ChainHashMismatchException.class,
                () -> ChainHash.verify(ChainHash.zero(), event, ChainHash.zero()));
        assertArrayEquals(ChainHash.zero(), e.expected());
        assertArrayEquals(hash, e.computed());
    }

    @Test
    void checkReportFormat() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckReport ok = new CheckReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        ok.ok("leaves: 3 checked");
        assertEquals(CheckReport.EXIT_OK, ok.finish());
        assertEquals("OK leaves: 3 checked\nRESULT OK\n", bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        CheckReport bad = new CheckReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bad.fail("evidence index 3", "leaf_hash_mismatch: differs");
        assertEquals(CheckReport.EXIT_FAILED, bad.finish());
        assertEquals("FAIL evidence index 3: leaf_hash_mismatch: differs\nRESULT FAIL\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
