package org.trustledger.tlog;

import static org.trustledger.tlog.VerificationException.Reason.MALFORMED;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-checkpoint body (c2sp.org/tlog-checkpoint): origin, tree size, root hash, one per line.
 * It is the text of a {@link SignedNote}.
 *
 * <p>Parsing is strict so that each checkpoint has exactly one text: decimal size without leading
 * zeros, canonical base64 of a 32-byte root, and no extension lines. This log never writes
 * extension lines, and since this record cannot carry them, accepting them would let different
 * signed texts parse to the same value.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("origin must be non-empty and free of control characters");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        if (rootHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("root hash must be " + Hashes.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
    }

    /** The root hash (a copy; records otherwise expose arrays mutably). */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** Note text: {@code origin\nsize\nbase64(root)\n}. */
    public String toText() {
        return origin + "\n" + treeSize + "\n" + Codec.toBase64(rootHash) + "\n";
    }

    /** Parses note text produced by {@link #toText}; anything else is {@code MALFORMED}. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new VerificationException(MALFORMED, "checkpoint must end in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new VerificationException(MALFORMED, "checkpoint must have exactly 3 lines, has " + lines.length);
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new VerificationException(MALFORMED, "tree size is not a canonical decimal");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Codec.fromBase64(lines[2], Hashes.SIZE));
        } catch (IllegalArgumentException e) { // includes NumberFormatException on overflow
            throw new VerificationException(MALFORMED, e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.treeSize == treeSize
                && Arrays.equals(c.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + treeSize + ", " + Codec.toHex(rootHash) + "]";
    }
}
