package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs MerkleVerifier over every probe in transparency-dev/merkle's testdata (copied to
 * src/test/resources/ledger/merkle-testdata). Each file holds sizes, base64 hashes (JSON null for an
 * absent proof) and {@code wantErr}, the verdict the reference verifier gives.
 */
class MerkleTestdataTest {

    static Stream<Path> inclusionProbes() throws IOException {
        return probes("inclusion");
    }

    static Stream<Path> consistencyProbes() throws IOException {
        return probes("consistency");
    }

    private static Stream<Path> probes(String kind) throws IOException {
        Path root = TestVectors.dir("merkle-testdata/" + kind);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void allProbesArePresent() throws IOException {
        long inclusion = inclusionProbes().count();
        long consistency = consistencyProbes().count();
        assertEquals(196, inclusion + consistency, "probe files (plus SOURCE.txt = 197 copied files)");
        assertTrue(inclusion > 80 && consistency > 80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProbes")
    void inclusion(Path file) throws IOException {
        JsonNode p = TestVectors.JSON.readTree(file.toFile());
        long index = p.path("leafIdx").asLong();
        long size = p.path("treeSize").asLong();
        byte[] root = b64(p.path("root"));
        byte[] leaf = b64(p.path("leafHash"));
        List<byte[]> proof = b64List(p.path("proof"));
        boolean wantErr = p.path("wantErr").asBoolean();
        assertFalse(p.path("wantErr").isMissingNode());

        boolean failed = fails(() -> MerkleVerifier.verifyInclusion(leaf, index, size, proof, root));
        assertEquals(wantErr, failed, p.path("desc").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProbes")
    void consistency(Path file) throws IOException {
        JsonNode p = TestVectors.JSON.readTree(file.toFile());
        long size1 = p.path("size1").asLong();
        long size2 = p.path("size2").asLong();
        byte[] root1 = b64(p.path("root1"));
        byte[] root2 = b64(p.path("root2"));
        List<byte[]> proof = b64List(p.path("proof"));
        boolean wantErr = p.path("wantErr").asBoolean();
        assertFalse(p.path("wantErr").isMissingNode());

        boolean failed = fails(() -> MerkleVerifier.verifyConsistency(size1, size2, root1, root2, proof));
        assertEquals(wantErr, failed, p.path("desc").asText());
    }

    private static boolean fails(Runnable r) {
        try {
            r.run();
            return false;
        } catch (VerificationException e) {
            return true;
        }
    }

    // Go's encoding/json writes a nil []byte as null and an empty one as ""; both mean no bytes.
    private static byte[] b64(JsonNode n) {
        return n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
    }

    private static List<byte[]> b64List(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode e : n) {
            out.add(b64(e));
        }
        return out;
    }

    @Test
    void reasonsAreSpecific() {
        byte[] h = Hashes.leafHash(new byte[0]);
        assertEquals(VerificationException.Reason.OUT_OF_RANGE, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyInclusion(h, 1, 1, List.of(), h)).reason());
        assertEquals(VerificationException.Reason.MALFORMED, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyInclusion(new byte[3], 0, 1, List.of(), h)).reason());
        assertEquals(VerificationException.Reason.WRONG_PROOF_SIZE, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyInclusion(h, 0, 2, List.of(), h)).reason());
        assertEquals(VerificationException.Reason.ROOT_MISMATCH, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyInclusion(h, 0, 1, List.of(), Hashes.emptyRoot())).reason());
        assertEquals(VerificationException.Reason.OUT_OF_RANGE, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyConsistency(0, 0, h, h, List.of())).reason());
        assertEquals(VerificationException.Reason.OUT_OF_RANGE, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyConsistency(2, 1, h, h, List.of())).reason());
        assertEquals(VerificationException.Reason.WRONG_PROOF_SIZE, assertThrows(VerificationException.class,
                () -> MerkleVerifier.verifyConsistency(1, 1, h, h, List.of(h))).reason());
    }
}
