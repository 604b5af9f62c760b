package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What a collector observed: status, a one-line summary and a JSON payload with the details.
 * {@code observedAt} is when the observed thing happened, if the source says so (pushed evidence);
 * it is kept apart from the time TrustLedger collected it.
 */
public record CollectorResult(RunStatus status, String summary, JsonNode payload, Instant observedAt) {

    public static final int MAX_SUMMARY = 500;

    public CollectorResult {
        Objects.requireNonNull(status, "status");
        summary = oneLine(summary);
        payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload;
    }

    public static CollectorResult pass(String summary, JsonNode payload) {
        return new CollectorResult(RunStatus.PASS, summary, payload, null);
    }

    public static CollectorResult fail(String summary, JsonNode payload) {
        return new CollectorResult(RunStatus.FAIL, summary, payload, null);
    }

    public static CollectorResult error(String summary, JsonNode payload) {
        return new CollectorResult(RunStatus.ERROR, summary, payload, null);
    }

    public static CollectorResult error(String summary) {
        return error(summary, null);
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A JSON array of strings, for payloads (which must stay plain JSON so they can be canonicalised). */
    public static com.fasterxml.jackson.databind.node.ArrayNode strings(java.util.Collection<String> values) {
        com.fasterxml.jackson.databind.node.ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** The run history and gap register show summaries in lists: one line, bounded. */
    static String oneLine(String s) {
        String t = s == null || s.isBlank() ? "(no summary)" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.length() > MAX_SUMMARY ? t.substring(0, MAX_SUMMARY - 1) + "…" : t;
    }
}
