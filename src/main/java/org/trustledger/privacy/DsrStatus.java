package org.trustledger.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A case's life: received → verifying → in_progress → completed, or rejected before completion. */
public enum DsrStatus {
    RECEIVED("Received"), VERIFYING("Verifying identity"), IN_PROGRESS("In progress"), COMPLETED("Completed"), REJECTED("Rejected");

    private final String label;

    DsrStatus(String label) {
        this.label = label;
    }

    /** How staff pages name the status. */
    public String label() {
        return label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isClosed() {
        return this == COMPLETED || this == REJECTED;
    }

    /** A case is worked in order (identity is verified before anything is done) and a closed case stays closed. */
    public boolean canMoveTo(DsrStatus to) {
        return switch (this) {
            case RECEIVED -> to == VERIFYING || to == REJECTED;
            case VERIFYING -> to == IN_PROGRESS || to == REJECTED;
            case IN_PROGRESS -> to == COMPLETED || to == REJECTED;
            case COMPLETED, REJECTED -> false;
        };
    }

    public static Optional<DsrStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
