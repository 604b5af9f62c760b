package org.trustledger.tlog;

/**
 * A recomputed hash differs from the one stated; carries both, so a report can show them. The
 * subclasses name which hash it was.
 */
public class HashMismatchException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final byte[] expected;
    private final byte[] computed;

    protected HashMismatchException(Reason reason, String what, byte[] expected, byte[] computed) {
        super(reason, what + " does not match: computed " + hex(computed) + ", expected " + hex(expected));
        this.expected = expected == null ? null : expected.clone();
        this.computed = computed == null ? null : computed.clone();
    }

    /** The hash stated by the data being checked (a stored or supplied value); null when none was given. */
    public byte[] expected() {
        return expected == null ? null : expected.clone();
    }

    /** The hash recomputed from the data. */
    public byte[] computed() {
        return computed == null ? null : computed.clone();
    }

    private static String hex(byte[] h) {
        return h == null ? "null" : Codec.toHex(h);
    }
}
