package org.trustledger.tlog;

/** A proof or a set of leaves recomputes a different tree root than the trusted one (merkle's RootMismatchError). */
public final class RootMismatchException extends HashMismatchException {

    private static final long serialVersionUID = 1L;

    public RootMismatchException(String what, byte[] expected, byte[] computed) {
        super(Reason.ROOT_MISMATCH, what, expected, computed);
    }

    public RootMismatchException(byte[] expected, byte[] computed) {
        this("root", expected, computed);
    }
}
