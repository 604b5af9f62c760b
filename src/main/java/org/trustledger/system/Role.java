package org.trustledger.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The GDPR role the organisation has in a processing activity. */
public enum Role {
    @JsonProperty("controller") CONTROLLER,
    @JsonProperty("processor") PROCESSOR;

    /** The spelling used in the YAML file. */
    public String yamlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
