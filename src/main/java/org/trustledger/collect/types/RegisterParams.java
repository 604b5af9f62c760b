package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.trustledger.collect.ProblemSink;

/** Shared parameter checks and date helpers of the register collector types. */
final class RegisterParams {

    private RegisterParams() {
    }

    /** Reports {@code params.<name>} when present and outside {@code min..max}. */
    static void days(JsonNode params, String name, int min, int max, ProblemSink problems) {
        if (params.has(name) && (params.get(name).asInt() < min || params.get(name).asInt() > max)) {
            problems.add("params." + name, "must be from " + min + " to " + max);
        }
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
