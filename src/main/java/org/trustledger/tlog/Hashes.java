package org.trustledger.tlog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * RFC 6962 / RFC 9162 hashing with SHA-256.
 *
 * <p>The JDK {@link MessageDigest} is used on purpose: HotSpot compiles its SHA-256 compression
 * function to the CPU's SHA instructions, which is roughly ten times faster than BouncyCastle's
 * pure-Java digest. The 0x00 / 0x01 prefixes domain-separate leaves from interior nodes so that a
 * leaf can never be passed off as a node (second-preimage protection, RFC 6962 §2.1).
 *
 * <p>The static helpers are thread-safe: each thread keeps its own digest, because a
 * {@code MessageDigest} is stateful and creating one per call costs a provider lookup.
 */
public final class Hashes {

    /** Length in bytes of every hash in the ledger. */
    public static final int SIZE = 32;

    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashes::newSha256);
    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private Hashes() {
    }

    /** A fresh SHA-256 digest; not thread-safe, so callers that hash in a tight loop own one each. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Plain SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        Objects.requireNonNull(data, "data");
        MessageDigest md = DIGEST.get();
        return md.digest(data);
    }

    /** RFC 6962 leaf hash: SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        // Null-check before touching the shared digest: a throw mid-update would leave state
        // behind that silently corrupts this thread's next hash.
        Objects.requireNonNull(data, "data");
        MessageDigest md = DIGEST.get();
        md.update(LEAF_PREFIX);
        md.update(data);
        return md.digest();
    }

    /** RFC 6962 interior node hash: SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest md = DIGEST.get();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** Root of the empty tree, SHA-256 of the empty string (RFC 6962 §2.1). Returns a fresh copy. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /**
     * Node hash written into {@code out[outOff..outOff+32)} without allocating. {@code out} may alias
     * either input: both are fed to the digest before the result is written.
     */
    static void nodeHashInto(MessageDigest md, byte[] scratch65, byte[] left, int leftOff,
                             byte[] right, int rightOff, byte[] out, int outOff) {
        // One 65-byte update is cheaper than three small ones through the digest's buffering.
        scratch65[0] = NODE_PREFIX;
        System.arraycopy(left, leftOff, scratch65, 1, SIZE);
        System.arraycopy(right, rightOff, scratch65, 1 + SIZE, SIZE);
        md.update(scratch65, 0, 1 + 2 * SIZE);
        try {
            md.digest(out, outOff, SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException(e); // only on a too-small buffer, which callers rule out
        }
    }
}
