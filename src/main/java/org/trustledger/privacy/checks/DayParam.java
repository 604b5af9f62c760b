package org.trustledger.privacy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import org.trustledger.collect.ProblemSink;

/** A whole number of days among a privacy check's params, with the range the check accepts. */
record DayParam(String name, int min, int max, int fallback) {

    /** Reports {@code params.<name>} when it is given outside {@code min..max}. */
    void check(JsonNode params, ProblemSink problems) {
        int given = params.path(name).asInt(fallback);
        if (params.has(name) && (given < min || given > max)) {
            problems.add("params." + name, "must be from " + min + " to " + max);
        }
    }

    int of(JsonNode params) {
        return params.path(name).asInt(fallback);
    }
}
