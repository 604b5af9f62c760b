package org.trustledger.collect;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Outcome of one collector run; the order is "how bad", so the worst of several is the maximum. */
public enum RunStatus {
    PASS, ERROR, FAIL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String s) {
        return switch (s) {
            case "pass" -> PASS;
            case "fail" -> FAIL;
            case "error" -> ERROR;
            default -> throw new IllegalArgumentException("not a run status: " + s);
        };
    }
}
