package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One collector as defined by its YAML file in {@code collectors/}; a loaded instance has passed validation. */
public record CollectorDefinition(
        String id,
        String type,
        String description,
        String schedule,
        List<String> controls,
        JsonNode params,
        Duration freshness,
        Severity severity,
        Duration timeout,
        Path file) {

    public CollectorDefinition {
        controls = List.copyOf(controls);
        params = params.deepCopy();
    }

    /** ISO-8601 as a person writes it: P2D rather than Duration's PT48H. */
    public static String text(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }

    @Override
    public JsonNode params() {
        // Definitions are shared between threads; a caller must not be able to change another's view.
        return params.deepCopy();
    }
}
