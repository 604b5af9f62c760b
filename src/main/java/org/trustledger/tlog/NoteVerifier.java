package org.trustledger.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A C2SP signed-note verifier key for Ed25519: {@code <name>+<8 hex key ID>+<base64(0x01 || public key)>}.
 *
 * <p>The key ID commits to both the name and the key, so a signature line cannot be replayed under
 * another name; parsing recomputes it and rejects a mismatch.
 */
public final class NoteVerifier {

    /** C2SP signature type byte for Ed25519. */
    static final byte ALG_ED25519 = 0x01;

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters params;

    /** Verifier for {@code name} and a raw 32-byte Ed25519 public key. */
    public NoteVerifier(String name, byte[] publicKey) {
        requireValidName(name);
        this.params = Ed25519Keys.publicKey(publicKey);
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, this.publicKey);
    }

    public NoteVerifier(String name, Ed25519PublicKeyParameters publicKey) {
        this(name, publicKey.getEncoded());
    }

    /** Parses a verifier key string; rejects unknown algorithms and a key ID that does not match. */
    public static NoteVerifier parse(String vkey) {
        // Only the first two '+' separate fields: base64 uses '+' too.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be <name>+<hex key id>+<base64 key>");
        }
        int id = parseKeyId(parts[1]);
        byte[] key = Codec.fromBase64(parts[2]);
        if (key.length != 1 + Ed25519Keys.PUBLIC_KEY_SIZE || key[0] != ALG_ED25519) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 key");
        }
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (v.keyId != id) {
            throw new IllegalArgumentException("verifier key ID does not match name and key");
        }
        return v;
    }

    /**
     * Key ID: the first four bytes, big-endian, of SHA-256(name || "\n" || 0x01 || public key).
     */
    public static int keyId(String name, byte[] publicKey) {
        MessageDigest md = Hashes.newSha256();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        md.update(ALG_ED25519);
        md.update(publicKey);
        byte[] h = md.digest();
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    static int parseKeyId(String hex) {
        byte[] b = Codec.fromHex(hex, 4);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /**
     * C2SP key names: non-empty, no Unicode white space, no '+' (the field separator). Names end up
     * in signature lines, where a space separates the name from the signature.
     */
    static void requireValidName(String name) {
        Objects.requireNonNull(name, "name");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid key name " + name);
        }
    }

    static boolean isValidName(String name) {
        if (name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85
                    || Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** Raw 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    Ed25519PublicKeyParameters params() {
        return params;
    }

    /** The verifier key string, parseable by {@link #parse}. */
    public String encode() {
        byte[] key = new byte[1 + publicKey.length];
        key[0] = ALG_ED25519;
        System.arraycopy(publicKey, 0, key, 1, publicKey.length);
        return name + "+" + String.format("%08x", keyId) + "+" + Codec.toBase64(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encode();
    }
}
