package org.trustledger.privacy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The law a request is made under; it decides which request types exist and the deadline (see {@link DsrDeadlines}). */
public enum Jurisdiction {
    EU_GDPR("EU GDPR", gdprRights()),
    UK_GDPR("UK GDPR", gdprRights()),
    /*
     * Swiss FADP (SR 235.1): access (Art. 25), portability (Art. 28), and the claims of Art. 32 with the
     * objection right of Art. 30(2)(b): rectification, erasure ("deletion or destruction"), objection.
     * Withdrawing consent (Art. 6(6)/(7) consent ends the justification) and review of an automated
     * individual decision (Art. 21(2)) are requests too. FADP has no stand-alone restriction right like
     * GDPR Art. 18 (Art. 32(2)(a) "prohibit a specific processing" is covered by objection), so
     * "restriction" is refused rather than silently mapped.
     */
    CH_FADP("Swiss FADP", EnumSet.of(RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE,
            RequestType.OBJECTION, RequestType.PORTABILITY, RequestType.WITHDRAW_CONSENT, RequestType.AUTOMATED_DECISION)),
    US_CCPA("California CCPA/CPRA", EnumSet.of(RequestType.KNOW, RequestType.DELETE, RequestType.CORRECT,
            RequestType.OPT_OUT, RequestType.LIMIT));

    private final String label;
    private final Set<RequestType> requestTypes;

    Jurisdiction(String label, Set<RequestType> requestTypes) {
        this.label = label;
        this.requestTypes = Set.copyOf(requestTypes);
    }

    private static Set<RequestType> gdprRights() {
        return EnumSet.range(RequestType.ACCESS, RequestType.AUTOMATED_DECISION);
    }

    public String label() {
        return label;
    }

    public boolean allows(RequestType type) {
        return requestTypes.contains(type);
    }

    /** The allowed types in declaration order, for messages and forms. */
    public String allowedList() {
        return Arrays.stream(RequestType.values()).filter(this::allows).map(RequestType::wire)
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    public static Optional<Jurisdiction> parse(String wire) {
        return Arrays.stream(values()).filter(j -> j.name().equals(wire)).findFirst();
    }
}
