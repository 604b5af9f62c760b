package org.trustledger.tlog;

/**
 * An inclusion or consistency proof has the wrong number of hashes: the sizes it is for fix its
 * length, so this is found before any hashing.
 */
public final class ProofSizeException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final int actual;
    private final int expected;

    public ProofSizeException(int actual, int expected) {
        super(Reason.WRONG_PROOF_SIZE, "proof has " + actual + " hashes, want " + expected);
        this.actual = actual;
        this.expected = expected;
    }

    /** Hashes the proof has. */
    public int actual() {
        return actual;
    }

    /** Hashes a proof for these sizes must have. */
    public int expected() {
        return expected;
    }
}
