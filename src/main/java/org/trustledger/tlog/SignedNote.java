package org.trustledger.tlog;

import static org.trustledger.tlog.VerificationException.Reason.MALFORMED;
import static org.trustledger.tlog.VerificationException.Reason.UNKNOWN_KEY;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * C2SP signed notes (c2sp.org/signed-note), byte-compatible with golang.org/x/mod/sumdb/note.
 *
 * <p>A note is its text (UTF-8, ending in a newline), a blank line, then one line per signature:
 * {@code "— " name " " base64(keyID || signature) "\n"}, where the dash is U+2014 and the signature
 * covers exactly the text bytes. The key ID in each line lets a verifier skip signatures from keys it
 * does not know, which is how witnesses cosign a checkpoint without breaking other verifiers.
 */
public final class SignedNote {

    private static final String SIG_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {
    }

    /** Signs {@code text} with one key; the note text must end in a newline. */
    public static String sign(String text, String name, Ed25519PrivateKeyParameters key) {
        return sign(text, new NoteSigner(name, key));
    }

    /** Signs {@code text} with each signer in order. */
    public static String sign(String text, NoteSigner... signers) {
        requireValidText(text);
        if (signers.length == 0) {
            throw new IllegalArgumentException("at least one signer is required");
        }
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder note = new StringBuilder(text.length() + 1 + signers.length * 120).append(text).append('\n');
        for (NoteSigner s : signers) {
            byte[] sig = Ed25519Keys.sign(s.privateKey(), msg);
            byte[] line = ByteBuffer.allocate(4 + sig.length).putInt(s.keyId()).put(sig).array();
            note.append(SIG_PREFIX).append(s.name()).append(' ').append(Codec.toBase64(line)).append('\n');
        }
        return note.toString();
    }

    /** Verifies {@code note} against a verifier key string; see {@link #verify(String, NoteVerifier)}. */
    public static String verify(String note, String verifierKey) {
        return verify(note, NoteVerifier.parse(verifierKey));
    }

    /** Verifies UTF-8 note bytes; invalid UTF-8 is {@code MALFORMED}. */
    public static String verify(byte[] note, NoteVerifier verifier) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note)).toString();
        } catch (CharacterCodingException e) {
            throw new VerificationException(MALFORMED, "note is not valid UTF-8", e);
        }
        return verify(s, verifier);
    }

    /**
     * Returns the note's text if it carries a valid signature by {@code verifier}.
     *
     * <p>Signatures by other keys are skipped unverified, as in Go's {@code note.Open}. Fails with
     * {@code MALFORMED} for a note that does not parse, {@code UNKNOWN_KEY} if no line has this
     * verifier's name and key ID, and {@code BAD_SIGNATURE} if any such line does not verify.
     */
    public static String verify(String note, NoteVerifier verifier) {
        try {
            requireNoControlChars(note);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(MALFORMED, e.getMessage());
        }
        // The text may itself contain blank lines; the signature block never does, so the last one
        // is the separator.
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new VerificationException(MALFORMED, "no blank line before signatures");
        }
        String text = note.substring(0, split + 1);
        String sigs = note.substring(split + 2);
        if (sigs.isEmpty() || !sigs.endsWith("\n")) {
            throw new VerificationException(MALFORMED, "signature block must be non-empty and end in a newline");
        }
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);

        boolean found = false;
        int count = 0;
        for (int start = 0; start < sigs.length(); ) {
            int end = sigs.indexOf('\n', start);
            String line = sigs.substring(start, end);
            start = end + 1;
            if (++count > MAX_SIGNATURES) {
                throw new VerificationException(MALFORMED, "more than " + MAX_SIGNATURES + " signatures");
            }
            if (!line.startsWith(SIG_PREFIX)) {
                throw new VerificationException(MALFORMED, "signature line must start with U+2014 and a space");
            }
            line = line.substring(SIG_PREFIX.length());
            int sp = line.indexOf(' ');
            if (sp < 0) {
                throw new VerificationException(MALFORMED, "signature line has no signature");
            }
            String name = line.substring(0, sp);
            byte[] blob;
            try {
                blob = Codec.fromBase64(line.substring(sp + 1));
            } catch (IllegalArgumentException e) {
                throw new VerificationException(MALFORMED, "signature is not canonical base64");
            }
            if (!NoteVerifier.isValidName(name) || blob.length < 5) {
                throw new VerificationException(MALFORMED, "invalid signature line");
            }
            int keyId = ByteBuffer.wrap(blob, 0, 4).getInt();
            if (!name.equals(verifier.name()) || keyId != verifier.keyId()) {
                continue;
            }
            found = true;
            byte[] sig = Arrays.copyOfRange(blob, 4, blob.length);
            if (sig.length != Ed25519Keys.SIGNATURE_SIZE) {
                throw new BadSignatureException(verifier.name(), "Ed25519 signature must be 64 bytes");
            }
            try {
                Ed25519Keys.verify(verifier.params(), msg, sig);
            } catch (VerificationException e) {
                throw new BadSignatureException(verifier.name(), "signature by " + verifier.name() + " does not verify");
            }
        }
        if (!found) {
            throw new VerificationException(UNKNOWN_KEY, "no signature by " + verifier.encode());
        }
        return text;
    }

    private static void requireValidText(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end in a newline");
        }
        requireNoControlChars(text);
    }

    // Go's note.Open refuses invalid UTF-8 and every ASCII control character except newline.
    private static void requireNoControlChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("control character U+" + Integer.toHexString(c) + " in note");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate in note");
            }
        }
    }
}
