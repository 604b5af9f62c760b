package org.trustledger.tlog;

/**
 * A proof, note or signature did not verify. Every verifier in this package reports failure this
 * way, never by a boolean, so a caller cannot forget to look at the result; {@link #reason()} lets
 * callers map failures (for example to HTTP statuses) without parsing messages. Failures that have
 * values to show are subclasses carrying them: {@link RootMismatchException},
 * {@link LeafHashMismatchException}, {@link ChainHashMismatchException}, {@link ProofSizeException},
 * {@link BadSignatureException}.
 */
public class VerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why verification failed. */
    public enum Reason {
        /** Input is syntactically invalid (bad encoding, wrong hash length, bad note format). */
        MALFORMED,
        /** Index or tree sizes are impossible (index beyond size, size1 beyond size2, size1 zero). */
        OUT_OF_RANGE,
        /** The proof has the wrong number of hashes for the claimed sizes. */
        WRONG_PROOF_SIZE,
        /** The proof is well formed but recomputes a different root. */
        ROOT_MISMATCH,
        /** An entry's leaf hash, SHA-256(0x00 || entry), differs from the one stated. */
        LEAF_HASH_MISMATCH,
        /** A governance event's chain hash, SHA-256(prev_hash || event), differs from the one stated. */
        CHAIN_HASH_MISMATCH,
        /** The note carries no signature from the given key (name and key ID). */
        UNKNOWN_KEY,
        /** A signature from the given key is present but does not verify. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public VerificationException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public VerificationException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
