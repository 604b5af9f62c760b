package org.trustledger.tlog;

import java.util.Base64;

/**
 * Strict text encodings for hashes, keys and signatures.
 *
 * <p>Strict means one spelling per value: hex is lowercase only and base64 is the padded standard
 * alphabet with zero trailing bits. Anything that signs or compares encoded values must not accept
 * two spellings of the same bytes, or an attacker can vary the text without varying the meaning.
 */
public final class Codec {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Codec() {
    }

    /** Lowercase hex. */
    public static String toHex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes lowercase hex of any even length. */
    public static byte[] fromHex(String hex) {
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException("hex has odd length " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (nibble(hex, 2 * i) << 4 | nibble(hex, 2 * i + 1));
        }
        return out;
    }

    /** Decodes lowercase hex that must encode exactly {@code byteLength} bytes. */
    public static byte[] fromHex(String hex, int byteLength) {
        if (hex.length() != 2 * byteLength) {
            throw new IllegalArgumentException("hex has length " + hex.length() + ", want " + 2 * byteLength);
        }
        return fromHex(hex);
    }

    private static int nibble(String s, int i) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("not lowercase hex at offset " + i);
    }

    /** Standard padded base64 (RFC 4648 §4). */
    public static String toBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes standard padded base64 in its unique canonical spelling. The JDK decoder alone accepts
     * missing padding and ignores non-zero trailing bits, so the result is re-encoded and compared.
     */
    public static byte[] fromBase64(String b64) {
        byte[] out;
        try {
            out = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64: " + e.getMessage(), e);
        }
        if (!Base64.getEncoder().encodeToString(out).equals(b64)) {
            throw new IllegalArgumentException("non-canonical base64");
        }
        return out;
    }

    /** Strict base64 that must decode to exactly {@code byteLength} bytes. */
    public static byte[] fromBase64(String b64, int byteLength) {
        byte[] out = fromBase64(b64);
        if (out.length != byteLength) {
            throw new IllegalArgumentException("base64 decodes to " + out.length + " bytes, want " + byteLength);
        }
        return out;
    }
}
