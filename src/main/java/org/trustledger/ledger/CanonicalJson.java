package org.trustledger.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.trustledger.tlog.Jcs;

/** Strict JSON reading for the ledger checks: stored bytes must parse without duplicates and be their own JCS form. */
final class CanonicalJson {

    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    static JsonNode parseCanonical(byte[] bytes, String kind, String where) throws LedgerInconsistency {
        JsonNode node;
        try {
            node = STRICT.readTree(bytes);
        } catch (IOException e) {
            throw new LedgerInconsistency(kind, where, "not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new LedgerInconsistency(kind, where, "not a JSON object");
        }
        byte[] again;
        try {
            again = Jcs.canonicalize(node);
        } catch (IllegalArgumentException e) {
            throw new LedgerInconsistency(kind, where, e.getMessage());
        }
        if (!Arrays.equals(again, bytes)) {
            throw new LedgerInconsistency(kind, where, "re-canonicalising changes the bytes");
        }
        return node;
    }

    static Set<String> names(JsonNode node) {
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.textValue();
    }

    static void requireColumn(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("column " + field + " differs from the canonical leaf");
        }
    }

    static String diff(byte[] expected, byte[] actual) {
        try {
            JsonNode e = STRICT.readTree(expected);
            JsonNode a = STRICT.readTree(actual);
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!e.get(f).equals(a.get(f))) {
                    fields.add(f);
                }
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!e.has(f)) {
                    fields.add(f);
                }
            }
            return String.join(", ", fields);
        } catch (IOException ex) {
            return new String(actual, StandardCharsets.UTF_8).length() + " bytes";
        }
    }
}
