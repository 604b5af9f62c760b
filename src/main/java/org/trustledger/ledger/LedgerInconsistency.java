package org.trustledger.ledger;

/** Thrown by a ledger check at the first inconsistency; carries it as {@link LedgerVerifier.Inconsistency}. */
final class LedgerInconsistency extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LedgerVerifier.Inconsistency problem;

    LedgerInconsistency(String kind, String location, String detail) {
        super(kind, null, false, false);
        this.problem = new LedgerVerifier.Inconsistency(kind, location, detail);
    }

    LedgerVerifier.Inconsistency problem() {
        return problem;
    }
}
