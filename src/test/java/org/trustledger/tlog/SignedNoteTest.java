package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trustledger.tlog.VerificationException.Reason.BAD_SIGNATURE;
import static org.trustledger.tlog.VerificationException.Reason.MALFORMED;
import static org.trustledger.tlog.VerificationException.Reason.UNKNOWN_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final JsonNode NOTE = TestVectors.integrity().path("signedNote");
    private static final JsonNode RFC8032 = TestVectors.integrity().path("rfc8032Test1");
    private static final JsonNode CHECKPOINT = TestVectors.integrity().path("checkpoint");

    @Test
    void peterNeumannVectorIsReproducedByteForByte() {
        NoteSigner signer = NoteSigner.parse(NOTE.path("signerKey").asText());
        String text = NOTE.path("text").asText();
        String want = text + "\n" + NOTE.path("signatureLine").asText() + "\n";
        assertEquals(want, SignedNote.sign(text, signer));
        assertEquals(want, SignedNote.sign(text, signer.name(), signer.privateKey()));
        assertEquals(NOTE.path("verifierKey").asText(), signer.verifier().encode());
        assertEquals(NOTE.path("signerKey").asText(), signer.encode());
        assertEquals(0xc74f20a3, signer.keyId());
    }

    @Test
    void peterNeumannVectorVerifies() {
        String text = NOTE.path("text").asText();
        String note = text + "\n" + NOTE.path("signatureLine").asText() + "\n";
        assertEquals(text, SignedNote.verify(note, NOTE.path("verifierKey").asText()));
        assertEquals(text, SignedNote.verify(note.getBytes(StandardCharsets.UTF_8),
                NoteVerifier.parse(NOTE.path("verifierKey").asText())));
    }

    @Test
    void rfc8032Test1() {
        Ed25519PrivateKeyParameters key = Ed25519Keys.fromSeed(Codec.fromHex(RFC8032.path("seedHex").asText()));
        assertEquals(RFC8032.path("publicKeyHex").asText(), Codec.toHex(key.generatePublicKey().getEncoded()));
        byte[] sig = Ed25519Keys.sign(key, new byte[0]);
        assertEquals(RFC8032.path("signatureHex").asText(), Codec.toHex(sig));
        Ed25519Keys.verify(key.generatePublicKey(), new byte[0], sig);
        sig[63] ^= 1;
        assertEquals(BAD_SIGNATURE, assertThrows(VerificationException.class,
                () -> Ed25519Keys.verify(key.generatePublicKey(), new byte[0], sig)).reason());
    }

    @Test
    void checkpointVectorIsReproducedExactly() {
        Ed25519PrivateKeyParameters key = Ed25519Keys.fromSeed(Codec.fromHex(RFC8032.path("seedHex").asText()));
        String origin = CHECKPOINT.path("origin").asText();
        List<byte[]> leaves = TestVectors.rfc6962LeafHashes();
        Checkpoint cp = new Checkpoint(origin, 8, CompactRange.rootOf(leaves));
        assertEquals(CHECKPOINT.path("text").asText(), cp.toText());

        NoteSigner signer = new NoteSigner(origin, key);
        assertEquals(CHECKPOINT.path("verifierKey").asText(), signer.verifier().encode());
        String note = SignedNote.sign(cp.toText(), signer);
        assertEquals(cp.toText() + "\n" + CHECKPOINT.path("signatureLine").asText() + "\n", note);

        String text = SignedNote.verify(note, CHECKPOINT.path("verifierKey").asText());
        assertEquals(cp, Checkpoint.parse(text));
        assertArrayEquals(Codec.fromHex(TestVectors.integrity().path("rfc6962").path("rootsBySize").get(8).asText()),
                Checkpoint.parse(text).rootHash());
    }

    @Test
    void verifyFailures() {
        String text = NOTE.path("text").asText();
        String sigLine = NOTE.path("signatureLine").asText();
        String note = text + "\n" + sigLine + "\n";
        NoteVerifier v = NoteVerifier.parse(NOTE.path("verifierKey").asText());

        // Altered text: the signature no longer matches.
        assertReason(BAD_SIGNATURE, note.replace("cryptography", "Cryptography"), v);
        // A signature by some other key only.
        NoteSigner other = new NoteSigner("Other", Ed25519Keys.generate(new SecureRandom()));
        assertReason(UNKNOWN_KEY, SignedNote.sign(text, other), v);
        // Same name, different key: the key ID differs, so the line is not ours.
        NoteSigner impostor = new NoteSigner("PeterNeumann", Ed25519Keys.generate(new SecureRandom()));
        assertReason(UNKNOWN_KEY, SignedNote.sign(text, impostor), v);
        // Our key ID and name but a corrupted signature.
        String bad = note.replace("x08go/ZJ", "x08go/ZK");
        assertReason(BAD_SIGNATURE, bad, v);

        assertReason(MALFORMED, text + sigLine + "\n", v);               // no blank line
        assertReason(MALFORMED, text + "\n" + sigLine, v);               // no final newline
        assertReason(MALFORMED, text + "\n" + sigLine.replace('\u2014', '-') + "\n", v);
        assertReason(MALFORMED, text + "\n" + sigLine.replace("=", "") + "\n", v); // unpadded base64
        assertReason(MALFORMED, text + "\n" + "\u2014 PeterNeumann\n", v);
        assertReason(MALFORMED, text + "\n" + "\u2014 PeterNeumann AAAA\n", v); // fewer than 5 bytes
        assertReason(MALFORMED, "a\tb\n\n" + sigLine + "\n", v);           // control character
        assertReason(MALFORMED, text + "\n", v);                           // no signatures

        // Other signers' lines are skipped, in any order.
        String cosigned = SignedNote.sign(text, other, NoteSigner.parse(NOTE.path("signerKey").asText()));
        assertEquals(text, SignedNote.verify(cosigned, v));
        assertEquals(text, SignedNote.verify(cosigned, other.verifier()));

        byte[] invalidUtf8 = {'a', '\n', '\n', (byte) 0xff, '\n'};
        assertEquals(MALFORMED, assertThrows(VerificationException.class,
                () -> SignedNote.verify(invalidUtf8, v)).reason());
    }

    @Test
    void signRejectsBadInput() {
        Ed25519PrivateKeyParameters key = Ed25519Keys.generate(new SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("no newline", "name", key));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("tab\there\n", "name", key));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("ok\n", "has space", key));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("ok\n", "has+plus", key));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("ok\n", "", key));
        // Blank lines inside the text are allowed: the last blank line separates the signatures.
        String text = "para 1\n\npara 2\n\n";
        NoteSigner s = new NoteSigner("n", key);
        assertEquals(text, SignedNote.verify(SignedNote.sign(text, s), s.verifier()));
    }

    @Test
    void keyStringParsing() {
        String vkey = NOTE.path("verifierKey").asText();
        NoteVerifier v = NoteVerifier.parse(vkey);
        assertEquals("PeterNeumann", v.name());
        assertEquals(vkey, v.toString());
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(vkey.replace("c74f20a3", "c74f20a4")));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(vkey.replace("c74f20a3", "C74F20A3")));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(vkey.replace("PeterNeumann", "Peter")));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(vkey.replace("+ARpc", "+AhpC")));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse("a+b"));
        String skey = NOTE.path("signerKey").asText();
        assertThrows(IllegalArgumentException.class, () -> NoteSigner.parse(skey.replace("c74f20a3", "00000000")));
        assertThrows(IllegalArgumentException.class, () -> NoteSigner.parse(skey.substring(8)));
        assertEquals(false, NoteSigner.parse(skey).toString().contains("AYEKFALV"));
    }

    private static void assertReason(VerificationException.Reason want, String note, NoteVerifier v) {
        VerificationException e = assertThrows(VerificationException.class, () -> SignedNote.verify(note, v));
        assertEquals(want, e.reason(), e.getMessage());
    }
}
