package org.trustledger.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Legal basis of a processing activity. Controller activities use one of the six Art. 6(1) bases,
 * written exactly as {@code Art. 6(1)(a)} to {@code Art. 6(1)(f)}. Processor activities use
 * {@code on behalf of controller}, because the controller (the customer) supplies the basis.
 */
public enum LegalBasis {
    @JsonProperty("Art. 6(1)(a)") CONSENT("Art. 6(1)(a)", "consent"),
    @JsonProperty("Art. 6(1)(b)") CONTRACT("Art. 6(1)(b)", "performance of a contract"),
    @JsonProperty("Art. 6(1)(c)") LEGAL_OBLIGATION("Art. 6(1)(c)", "legal obligation"),
    @JsonProperty("Art. 6(1)(d)") VITAL_INTERESTS("Art. 6(1)(d)", "vital interests"),
    @JsonProperty("Art. 6(1)(e)") PUBLIC_TASK("Art. 6(1)(e)", "public task"),
    @JsonProperty("Art. 6(1)(f)") LEGITIMATE_INTERESTS("Art. 6(1)(f)", "legitimate interests"),
    @JsonProperty("on behalf of controller") ON_BEHALF_OF_CONTROLLER("on behalf of controller",
            "processing on behalf of the controller (Art. 28)");

    private final String code;
    private final String label;

    LegalBasis(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The spelling used in the YAML file, e.g. {@code Art. 6(1)(b)}. */
    public String code() {
        return code;
    }

    /** Short human-readable name, e.g. {@code performance of a contract}. */
    public String label() {
        return label;
    }

    /** E.g. {@code Art. 6(1)(b) performance of a contract}. */
    public String describe() {
        return this == ON_BEHALF_OF_CONTROLLER ? label : code + " " + label;
    }
}
