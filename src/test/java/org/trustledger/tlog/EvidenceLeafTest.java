package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trustledger.ledger.NewEvidence;

class EvidenceLeafTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void leafBytesAreTheJcsOfTheWholeItem() throws Exception {
        JsonNode payload = JSON.readTree("{\"z\":[3,1.50,\"\u20ac\"],\"a\":{\"y\":null,\"b\":true},\"\u00e9\":\"line\\nbreak\"}");
        UUID id = UUID.fromString("0b7e6a0c-2f52-4a44-9d3a-2a7c1f1e9b10");
        Instant at = Instant.parse("2026-11-25T21:34:53.12Z");
        EvidenceLeaf.Canonical c = EvidenceLeaf.build(id, "manual", at, null, List.of("GDPR:Art.32", "ISO27001:A.8.15"), "pass",
                "Backups \"restored\" \\ ok", Jcs.canonicalize(payload));

        ObjectNode whole = JSON.createObjectNode();
        whole.put("id", id.toString());
        whole.put("collector", "manual");
        whole.put("collected_at", "2026-11-25T21:34:53.120Z");
        whole.putArray("controls").add("GDPR:Art.32").add("ISO27001:A.8.15");
        whole.put("status", "pass");
        whole.put("summary", "Backups \"restored\" \\ ok");
        whole.put("payload_sha256", Codec.toHex(Hashes.sha256(Jcs.canonicalize(payload))));
        whole.set("payload", payload);
        assertArrayEquals(Jcs.canonicalize(whole), c.bytes());
        assertArrayEquals(Hashes.leafHash(c.bytes()), c.leafHash());
        assertTrue(new String(c.bytes(), StandardCharsets.UTF_8).startsWith(
                "{\"collected_at\":\"2026-11-25T21:34:53.120Z\",\"collector\":\"manual\",\"controls\":[\"GDPR:Art.32\",\"ISO27001:A.8.15\"],"));

        EvidenceLeaf.Canonical observed = EvidenceLeaf.build(id, "ci", at, Instant.parse("2026-11-25T20:00:00Z"), List.of("SOC2:CC7.1"),
                "fail", "x", Jcs.canonicalize(payload));
        ObjectNode parsed = (ObjectNode) JSON.readTree(observed.bytes());
        assertEquals("2026-11-25T20:00:00.000Z", parsed.get("observed_at").asText());
        assertArrayEquals(Jcs.canonicalize(parsed), observed.bytes());
    }

    @Test
    void validationNamesEachBadField() throws Exception {
        NewEvidence bad = new NewEvidence("Manual!", List.of("ISO27001:A.5.1", "NOPE:1", "ISO27001:A.5.1"), "ok", "two\nlines",
                JSON.readTree("[1]"));
        List<NewEvidence.Violation> v = bad.violations(id -> id.startsWith("ISO27001:"));
        assertEquals(List.of("collector", "controls[1]", "controls[2]", "status", "summary", "payload"),
                v.stream().map(NewEvidence.Violation::field).toList());
        assertThrows(NewEvidence.InvalidEvidenceException.class, () -> bad.requireValid(id -> true));

        assertEquals("summary", new NewEvidence("manual", List.of("X"), "pass", "a".repeat(501), JSON.createObjectNode())
                .violations(id -> true).get(0).field());
        assertEquals("summary", new NewEvidence("manual", List.of("X"), "pass", "tab\there", JSON.createObjectNode())
                .violations(id -> true).get(0).field());
        assertEquals("summary", new NewEvidence("manual", List.of("X"), "pass", "para\u2029graph", JSON.createObjectNode())
                .violations(id -> true).get(0).field());
        assertEquals("payload", new NewEvidence("manual", List.of("X"), "pass", "big", JSON.readTree("{\"n\":18014398509481985}"))
                .violations(id -> true).get(0).field());
        assertTrue(new NewEvidence("manual", List.of("X"), "error", "a".repeat(500), JSON.createObjectNode())
                .violations(id -> true).isEmpty());
    }

    @Test
    void timestampsHaveOneSpelling() {
        assertEquals("2026-01-02T03:04:05.000Z", Rfc3339.format(Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("2026-01-02T03:04:05.123Z", Rfc3339.format(Instant.parse("2026-01-02T03:04:05.123999Z")));
        assertEquals(Instant.parse("2026-01-02T03:04:05.100Z"), Rfc3339.parse("2026-01-02T03:04:05.100Z"));
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.parse("2026-01-02T03:04:05.1Z"));
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.parse("2026-01-02T03:04:05.100+00:00"));
    }
}
