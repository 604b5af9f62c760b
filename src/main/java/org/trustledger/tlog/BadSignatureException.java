package org.trustledger.tlog;

/** A signature by the named signer is present but does not verify over the signed bytes. */
public final class BadSignatureException extends VerificationException {

    private static final long serialVersionUID = 1L;

    private final String signer;

    public BadSignatureException(String signer, String message) {
        super(Reason.BAD_SIGNATURE, message);
        this.signer = signer;
    }

    /** Who the signature claims to be from: a note key name, or the algorithm when the caller chose the key. */
    public String signer() {
        return signer;
    }
}
