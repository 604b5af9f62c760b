package org.trustledger.integration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** Collector runs, reports, gaps, DSR changes and register changes reach the ledger and the governance chain. */
@QuarkusTest
class EvidenceFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    org.trustledger.ledger.GovernanceOutbox outbox;

    private long governanceHead() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(max(seq), -1) FROM governance_event").getSingleResult()).longValue();
    }

    private List<JsonNode> eventsAfter(long seq, String session) throws Exception {
        JsonNode page = JSON.readTree(given().cookie("tl_session", session).queryParam("after", seq).queryParam("limit", 1000)
                .get("/api/v1/governance/events").then().statusCode(200).extract().asByteArray());
        List<JsonNode> out = new ArrayList<>();
        page.forEach(out::add);
        return out;
    }

    private static JsonNode leaf(long index, String session) throws Exception {
        JsonNode entries = JSON.readTree(given().cookie("tl_session", session).queryParam("start", index).queryParam("end", index + 1)
                .get("/api/v1/ledger/entries").then().statusCode(200).extract().asByteArray());
        return JSON.readTree(new String(Base64.getDecoder().decode(entries.get(0).get("canonical").asText()), StandardCharsets.UTF_8));
    }

    @Test
    void aCollectorRunIsALedgerLeafAndAStaffTriggerIsAGovernanceEvent() throws Exception {
        String admin = Staff.admin();
        long before = governanceHead();
        JsonNode run = JSON.readTree(given().cookie("tl_session", admin).contentType(ContentType.JSON)
                .post("/api/v1/collectors/t-cmd-false/run").then().statusCode(200).extract().asByteArray());
        assertEquals("fail", run.get("status").asText());
        long index = run.get("evidence_index").asLong();
        JsonNode leaf = leaf(index, admin);
        assertEquals("t-cmd-false", leaf.get("collector").asText());
        assertEquals("fail", leaf.get("status").asText());
        assertEquals(run.get("summary").asText(), leaf.get("summary").asText());
        assertEquals(run.get("collected_at").asText().substring(0, 19), leaf.get("collected_at").asText().substring(0, 19));

        List<JsonNode> events = eventsAfter(before, admin);
        assertTrue(events.stream().anyMatch(e -> "collector_run".equals(e.get("kind").asText()) && "admin".equals(e.get("actor").asText())
                && "collector:t-cmd-false".equals(e.get("subject").asText())), events.toString());
        JsonNode open = JSON.readTree(given().cookie("tl_session", admin).queryParam("status", "open").get("/api/v1/gaps").then().statusCode(200)
                .extract().asByteArray());
        JsonNode gap = null;
        for (JsonNode g : open) {
            if ("t-cmd-false".equals(g.get("source").asText())) {
                gap = g;
            }
        }
        assertNotNull(gap, "the failing run keeps a gap open");
        long gapId = gap.get("id").asLong();
        // Opening it was a governance event (now, or when an earlier run of this collector failed).
        JsonNode all = JSON.readTree(given().cookie("tl_session", admin).queryParam("limit", 1000).get("/api/v1/governance/events")
                .then().statusCode(200).extract().asByteArray());
        boolean opened = false;
        for (JsonNode e : all) {
            opened |= "gap_changed".equals(e.get("kind").asText()) && ("gap:" + gapId).equals(e.get("subject").asText())
                    && "opened".equals(e.get("details").get("action").asText());
        }
        assertTrue(opened, "gap " + gapId + " opening is on the chain");

        // The public verify endpoint finds the run's payload by its hash.
        String payloadSha = leaf.get("payload_sha256").asText();
        given().queryParam("sha256", payloadSha).get("/api/v1/verify").then().statusCode(200)
                .body("found", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aRenderedReportIsEvidence() throws Exception {
        String privacy = Staff.withRole("privacy");
        String admin = Staff.admin();
        long before = governanceHead();
        JsonNode created = JSON.readTree(given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("kind", "ropa"))
                .post("/api/v1/reports").then().statusCode(201).extract().asByteArray());
        String sha = created.get(0).get("sha256").asText();
        JsonNode event = eventsAfter(before, admin).stream().filter(e -> "report_rendered".equals(e.get("kind").asText())).findFirst()
                .orElseThrow();
        assertEquals("test-privacy", event.get("actor").asText());
        JsonNode leaf = leaf(event.get("details").get("evidence_index").asLong(), admin);
        assertEquals("reports", leaf.get("collector").asText());
        assertEquals(sha, leaf.get("payload").get("sha256").asText());
        assertTrue(leaf.get("controls").toString().contains("GDPR:Art.30"));
    }

    @Test
    void dsrChangesAreOnTheChainWithoutPersonalData() throws Exception {
        String admin = Staff.admin();
        long before = governanceHead();
        given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("email", "chain.person@example.org", "request_type", "access", "jurisdiction", "EU_GDPR",
                        "details", "my name is Chain Person"))
                .post("/api/v1/dsr").then().statusCode(202);
        // Public intake queues its event; the outbox job (or this call) appends it to the chain.
        while (outbox.drain() > 0) {
            // drained
        }
        List<JsonNode> events = eventsAfter(before, admin);
        JsonNode received = events.stream().filter(e -> "dsr_changed".equals(e.get("kind").asText())).findFirst().orElseThrow();
        assertEquals("data-subject", received.get("actor").asText());
        assertEquals("received", received.get("details").get("to").asText());
        assertTrue(received.get("details").has("recorded_at"), "the queue time is kept");
        given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/ledger/verify").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true));
        String all = events.toString().toLowerCase(java.util.Locale.ROOT);
        assertTrue(!all.contains("chain.person") && !all.contains("chain person"), all);
    }

    @Test
    void registerChangesAreOnTheChain() throws Exception {
        String privacy = Staff.withRole("privacy");
        String admin = Staff.admin();
        long before = governanceHead();
        JsonNode consent = JSON.readTree(given().cookie("tl_session", privacy).contentType(ContentType.JSON)
                .body(Map.of("purpose_id", "chain-newsletter", "description", "Monthly product newsletter", "legal_text_version", "v1",
                        "collected_via", List.of("newsletter form"), "proof_location", "Brevo contact attributes", "withdrawal_method",
                        "unsubscribe link in every email", "last_reviewed_at", "2026-11-01T09:00:00Z"))
                .post("/api/v1/consents").then().extract().asByteArray());
        assertNotNull(consent.get("id"), consent.toString());
        JsonNode event = eventsAfter(before, admin).stream().filter(e -> "register_changed".equals(e.get("kind").asText())).findFirst()
                .orElseThrow();
        assertEquals("test-privacy", event.get("actor").asText());
        assertEquals("consent", event.get("details").get("register").asText());
    }
}
