package org.trustledger.tlog;

/** An entry's RFC 6962 leaf hash, SHA-256(0x00 || entry), is not the one stated beside it. */
public final class LeafHashMismatchException extends HashMismatchException {

    private static final long serialVersionUID = 1L;

    public LeafHashMismatchException(byte[] expected, byte[] computed) {
        super(Reason.LEAF_HASH_MISMATCH, "leaf hash", expected, computed);
    }
}
