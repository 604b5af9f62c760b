package org.trustledger.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a data subject asks for; {@link #wire()} is the spelling in the API, the form and the database. */
public enum RequestType {
    // GDPR / UK GDPR Art. 15-22 and 7(3); Swiss FADP uses a subset (see Jurisdiction).
    ACCESS("Access to my data"),
    RECTIFICATION("Correct my data"),
    ERASURE("Erase my data"),
    RESTRICTION("Restrict processing of my data"),
    PORTABILITY("Receive my data in a portable format"),
    OBJECTION("Object to processing"),
    WITHDRAW_CONSENT("Withdraw my consent"),
    AUTOMATED_DECISION("Human review of an automated decision"),
    // CCPA/CPRA, Cal. Civ. Code §1798.100-121.
    KNOW("Know what personal information is collected"),
    DELETE("Delete my personal information"),
    CORRECT("Correct my personal information"),
    OPT_OUT("Opt out of sale or sharing"),
    LIMIT("Limit use of sensitive personal information");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** Exact wire spelling only: the API is strict rather than guessing what a near miss meant. */
    public static Optional<RequestType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(wire)).findFirst();
    }
}
