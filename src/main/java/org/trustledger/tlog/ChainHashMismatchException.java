package org.trustledger.tlog;

/** A governance event's hash is not SHA-256(prev_hash || canonical event) (see {@link ChainHash}). */
public final class ChainHashMismatchException extends HashMismatchException {

    private static final long serialVersionUID = 1L;

    public ChainHashMismatchException(byte[] expected, byte[] computed) {
        super(Reason.CHAIN_HASH_MISMATCH, "chain hash", expected, computed);
    }
}
