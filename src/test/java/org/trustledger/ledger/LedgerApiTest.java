package org.trustledger.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.MerkleVerifier;
import org.trustledger.tlog.NoteVerifier;
import org.trustledger.tlog.Rfc6962Reference;
import org.trustledger.tlog.SignedNote;
import org.trustledger.tlog.SigningKey;

@QuarkusTest
class LedgerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String admin;

    @BeforeEach
    void login() {
        admin = Staff.admin();
    }

    @Test
    void submittedEvidenceIsProvableAndRootsMatchRecomputationFromTheEntries() throws Exception {
        List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            JsonPath r = LedgerHttp.submit(admin, LedgerHttp.evidence("Backup restore test " + i, Map.of("run", i, "ok", true)))
                    .then().statusCode(201).contentType(ContentType.JSON).extract().jsonPath();
            indexes.add(r.getLong("index"));
            assertTrue(r.getString("leaf_hash").matches("[0-9a-f]{64}"));
            assertTrue(r.getString("collected_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            assertEquals(r.getLong("index") + 1, r.getLong("tree_size"), "a single append ends the batch");
        }
        for (int i = 1; i < indexes.size(); i++) {
            assertTrue(indexes.get(i) > indexes.get(i - 1));
        }
        long size = LedgerHttp.treeSize();
        List<byte[]> canonical = LedgerHttp.canonicalLeaves(admin, size);
        List<byte[]> leaves = canonical.stream().map(Hashes::leafHash).toList();
        byte[] root = Rfc6962Reference.mth(leaves);

        // The leaf is the JCS of the item, with the payload inside and its hash alongside.
        JsonNode leaf = JSON.readTree(canonical.get(indexes.get(3).intValue()));
        assertArrayEquals(Jcs.canonicalize(leaf), canonical.get(indexes.get(3).intValue()));
        assertEquals(Codec.toHex(Hashes.sha256(Jcs.canonicalize(leaf.get("payload")))), leaf.get("payload_sha256").asText());
        assertEquals("manual", leaf.get("collector").asText());
        assertEquals("[\"GDPR:Art.32\",\"ISO27001:A.5.1\"]", leaf.get("controls").toString(), "controls sorted");
        assertEquals("Backup restore test 3", leaf.get("summary").asText());
        assertEquals(3, leaf.get("payload").get("run").asInt());

        // Checkpoint: signed with the listed key, root equal to the recomputation.
        String note = LedgerHttp.checkpointNote();
        String vkey = given().get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getString("[0].note_verifier_key");
        Checkpoint cp = Checkpoint.parse(SignedNote.verify(note, vkey));
        if (cp.treeSize() == size) {
            assertArrayEquals(root, cp.rootHash());
        }

        for (long n : new long[] {1, 2, 3, 7, size / 2 + 1, size - 1, size}) {
            if (n < 1) {
                continue;
            }
            List<byte[]> prefix = leaves.subList(0, (int) n);
            byte[] rootN = Rfc6962Reference.mth(prefix);
            for (long i : new long[] {0, n / 3, n / 2, n - 1}) {
                JsonPath p = given().queryParam("index", i).queryParam("tree_size", n).get("/api/v1/proofs/inclusion")
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(i, p.getLong("index"));
                assertEquals(n, p.getLong("tree_size"));
                assertEquals(Codec.toHex(leaves.get((int) i)), p.getString("leaf_hash"));
                assertEquals(Codec.toHex(rootN), p.getString("root_hash"));
                List<byte[]> proof = LedgerHttp.unhex(p.getList("hashes", String.class));
                MerkleVerifier.verifyInclusion(leaves.get((int) i), i, n, proof, rootN);
                assertTrue(Rfc6962Reference.verifyPath((int) i, (int) n, leaves.get((int) i), proof, rootN));
            }
            for (long m : new long[] {1, n / 2, n - 1, n}) {
                if (m < 1 || m > n) {
                    continue;
                }
                JsonPath p = given().queryParam("first", m).queryParam("second", n).get("/api/v1/proofs/consistency")
                        .then().statusCode(200).extract().jsonPath();
                byte[] rootM = Rfc6962Reference.mth(leaves.subList(0, (int) m));
                assertEquals(Codec.toHex(rootM), p.getString("first_root"));
                assertEquals(Codec.toHex(rootN), p.getString("second_root"));
                List<byte[]> proof = LedgerHttp.unhex(p.getList("hashes", String.class));
                MerkleVerifier.verifyConsistency(m, n, rootM, rootN, proof);
                assertTrue(Rfc6962Reference.verifyConsistency((int) m, (int) n, rootM, rootN, proof));
            }
        }
    }

    @Test
    void checkpointIsASignedNoteAndTheSameSizeGivesTheSameBytes() {
        LedgerHttp.submit(admin, LedgerHttp.evidence("checkpoint test", Map.of("x", 1))).then().statusCode(201);
        Response r = given().get("/api/v1/checkpoint");
        r.then().statusCode(200).header("Content-Type", org.hamcrest.Matchers.matchesPattern("(?i)text/plain; ?charset=utf-8"));
        String note = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertEquals(note, LedgerHttp.checkpointNote(), "same tree size, same note");
        List<Map<String, Object>> keys = given().get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> current = keys.stream().filter(k -> k.get("retired_at") == null).findFirst().orElseThrow();
        assertEquals("Ed25519", current.get("algorithm"));
        assertTrue(current.containsKey("created_at"));
        String[] lines = note.split("\n");
        assertEquals("trustledger.local/evidence", lines[0]);
        assertEquals("", lines[3]);
        assertTrue(lines[4].startsWith("\u2014 trustledger.local/evidence "));
        String text = SignedNote.verify(note, (String) current.get("note_verifier_key"));
        assertEquals(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n", text);
        // key_id is the SHA-256 of the SubjectPublicKeyInfo DER, and the PEM and verifier key agree.
        byte[] pub = Ed25519Keys.fromSpkiPem((String) current.get("public_key_pem")).getEncoded();
        assertEquals(current.get("key_id"), SigningKey.keyIdOf(pub));
        assertEquals(NoteVerifier.parse((String) current.get("note_verifier_key")), new NoteVerifier("trustledger.local/evidence", pub));
    }

    @Test
    void verifyFindsPayloadAndLeafHashesWithAProofToTheLatestCheckpoint() throws Exception {
        Map<String, Object> payload = Map.of("unique", "verify-" + System.nanoTime());
        String leafHex = LedgerHttp.submit(admin, LedgerHttp.evidence("verify me", payload)).then().statusCode(201)
                .extract().jsonPath().getString("leaf_hash");
        String payloadHex = Codec.toHex(Hashes.sha256(Jcs.canonicalize(JSON.valueToTree(payload))));
        for (String[] q : new String[][] {{payloadHex, "payload_sha256"}, {leafHex, "leaf_hash"}}) {
            JsonPath v = given().queryParam("sha256", q[0]).get("/api/v1/verify").then().statusCode(200).extract().jsonPath();
            assertTrue(v.getBoolean("found"));
            assertEquals(q[1], v.getString("entries[0].matched"));
            assertEquals(leafHex, v.getString("entries[0].leaf_hash"));
            long size = v.getLong("tree_size");
            String vkey = given().get("/api/v1/keys").then().extract().jsonPath().getString("find { it.retired_at == null }.note_verifier_key");
            Checkpoint cp = Checkpoint.parse(SignedNote.verify(v.getString("checkpoint"), vkey));
            assertEquals(size, cp.treeSize());
            assertEquals(Codec.toHex(cp.rootHash()), v.getString("root_hash"));
            MerkleVerifier.verifyInclusion(Codec.fromHex(leafHex, 32), v.getLong("entries[0].index"), size,
                    LedgerHttp.unhex(v.getList("entries[0].inclusion_proof", String.class)), cp.rootHash());
        }
        given().queryParam("sha256", "ab".repeat(32)).get("/api/v1/verify").then().statusCode(200)
                .body("found", equalTo(false)).body("entries", hasSize(0));
    }

    @Test
    void badEvidenceIsRejectedAndNothingIsWritten() {
        long before = LedgerHttp.treeSize();
        List<Object> bodies = new ArrayList<>();
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.9.99"), "status", "pass", "summary", "s", "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of(), "status", "pass", "summary", "s", "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1", "ISO27001:A.5.1"), "status", "pass", "summary", "s",
                "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "passed", "summary", "s", "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "two\nlines", "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "tab\tchar", "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "x".repeat(501), "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "s", "payload", List.of(1, 2)));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "s", "payload", "text"));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "s"));
        bodies.add(Map.of("collector", "aws-config", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "s", "payload", Map.of()));
        bodies.add(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "s", "payload", Map.of(),
                "extra", 1));
        bodies.add(Map.of("collector", "manual", "controls", "ISO27001:A.5.1", "status", "pass", "summary", "s", "payload", Map.of()));
        Map<String, Object> nullPayload = new HashMap<>(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass",
                "summary", "s"));
        nullPayload.put("payload", null);
        bodies.add(nullPayload);
        bodies.add("{\"collector\":\"manual\",\"controls\":[\"ISO27001:A.5.1\"],\"status\":\"pass\",\"summary\":\"s\",\"payload\":{\"a\":1,\"a\":2}}");
        bodies.add("{\"collector\":\"manual\",\"controls\":[\"ISO27001:A.5.1\"],\"status\":\"pass\",\"summary\":\"s\",\"payload\":{\"n\":123456789012345678901}}");
        bodies.add("{\"collector\":\"manual\",\"controls\":[\"ISO27001:A.5.1\"],\"status\":\"pass\",\"summary\":\"s\",\"payload\":{}");
        bodies.add("[]");
        bodies.add("null");
        for (Object body : bodies) {
            Response r = LedgerHttp.submit(admin, body);
            assertEquals(400, r.statusCode(), "body " + body + " gave " + r.asString());
            assertEquals("application/problem+json", r.contentType(), "body " + body);
        }
        given().cookie("tl_session", admin).contentType(ContentType.TEXT).body("x").post("/api/v1/evidence").then().statusCode(415)
                .contentType("application/problem+json");
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body("").post("/api/v1/evidence").then().statusCode(400)
                .contentType("application/problem+json");
        String huge = "{\"collector\":\"manual\",\"controls\":[\"ISO27001:A.5.1\"],\"status\":\"pass\",\"summary\":\"s\",\"payload\":{\"x\":\""
                + "a".repeat(1_100_000) + "\"}}";
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body(huge).post("/api/v1/evidence").then().statusCode(413);
        assertEquals(before, LedgerHttp.treeSize(), "nothing was appended");
    }

    @Test
    void badProofAndEntryParametersAre400() {
        LedgerHttp.submit(admin, LedgerHttp.evidence("param test", Map.of("p", 1))).then().statusCode(201);
        LedgerHttp.submit(admin, LedgerHttp.evidence("param test", Map.of("p", 2))).then().statusCode(201);
        long size = LedgerHttp.treeSize();
        String[][] inclusion = {{"-1", "1"}, {"abc", "1"}, {"1.0", "2"}, {"01", "2"}, {"99999999999999999999", "1"}, {null, "1"},
                {"0", String.valueOf(size + 1)}, {String.valueOf(size), String.valueOf(size)}, {"0", "0"}, {"+1", "2"}, {"", "1"}};
        for (String[] q : inclusion) {
            var spec = given();
            if (q[0] != null) {
                spec = spec.queryParam("index", q[0]);
            }
            spec.queryParam("tree_size", q[1]).get("/api/v1/proofs/inclusion").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        String[][] consistency = {{"0", "1"}, {"2", "1"}, {"1", String.valueOf(size + 1)}, {"-1", "2"}, {"x", "2"}, {"1", "9223372036854775808"}};
        for (String[] q : consistency) {
            given().queryParam("first", q[0]).queryParam("second", q[1]).get("/api/v1/proofs/consistency").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        for (String h : new String[] {"ab".repeat(31) + "a", "ab".repeat(32) + "a", "AB".repeat(32), "zz".repeat(32), "", " " + "ab".repeat(32)}) {
            given().queryParam("sha256", h).get("/api/v1/verify").then().statusCode(400).contentType("application/problem+json");
        }
        given().get("/api/v1/verify").then().statusCode(400);
        String[][] entries = {{"5", "4"}, {"0", "1001"}, {"-1", "3"}, {"a", "3"}, {"0", "99999999999999999999"}};
        for (String[] q : entries) {
            given().cookie("tl_session", admin).queryParam("start", q[0]).queryParam("end", q[1]).get("/api/v1/ledger/entries")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().cookie("tl_session", admin).queryParam("start", 0).queryParam("end", 1000).get("/api/v1/ledger/entries")
                .then().statusCode(200).body("size()", equalTo((int) Math.min(size, 1000)));
        given().cookie("tl_session", admin).queryParam("start", size + 5).queryParam("end", size + 10).get("/api/v1/ledger/entries")
                .then().statusCode(200).body("size()", equalTo(0));
        for (String q : new String[] {"after=-1", "after=x", "limit=0", "limit=1001", "limit=-5"}) {
            given().cookie("tl_session", admin).get("/api/v1/governance/events?" + q).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void manifestEndpointsRejectBadDatesAndUnendedDays() {
        for (String d : new String[] {"2026-13-01", "2026-02-30", "yesterday", "2026-1-01", "20260101", "2026-01-01T00:00"}) {
            given().get("/api/v1/manifests/" + d).then().statusCode(400).contentType("application/problem+json");
            given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/manifests/" + d + "/seal").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().get("/api/v1/manifests/1999-01-01").then().statusCode(404).contentType("application/problem+json");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate d : new LocalDate[] {today, today.plusDays(1), today.plusYears(3)}) {
            given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/manifests/" + d + "/seal").then()
                    .statusCode(409).contentType("application/problem+json");
        }
        given().get("/api/v1/manifests/" + today).then().statusCode(404);
        given().queryParam("from", "2024-01-01").queryParam("to", "2025-01-01").get("/api/v1/manifests").then().statusCode(400);
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/v1/manifests").then().statusCode(400);
        given().queryParam("from", "2025-02-30").get("/api/v1/manifests").then().statusCode(400);
        given().queryParam("from", "2024-01-02").queryParam("to", "2025-01-01").get("/api/v1/manifests").then().statusCode(200);
    }

    @Test
    void staffActionsAreGovernanceEventsInAnUnbrokenChain() throws Exception {
        String ip = Staff.freshIp();
        given().header("X-Forwarded-For", ip).contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "wrong-password-1"))
                .post("/api/v1/auth/login").then().statusCode(401);
        given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", "Hunter2 secret!", "password", "wrong-password-1")).post("/api/v1/auth/login").then().statusCode(401);
        String session = Staff.admin();
        LedgerHttp.submit(session, LedgerHttp.evidence("governed", Map.of("g", 1))).then().statusCode(201);
        given().cookie("tl_session", session).contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(204);

        List<ObjectNode> events = new ArrayList<>();
        long after = -1;
        while (true) {
            var req = given().cookie("tl_session", admin).queryParam("limit", 1000);
            if (after >= 0) {
                req = req.queryParam("after", after);
            }
            JsonNode page = JSON.readTree(req.get("/api/v1/governance/events").then().statusCode(200).extract().asByteArray());
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode e : page) {
                events.add((ObjectNode) e);
                after = e.get("seq").asLong();
            }
        }
        byte[] prev = new byte[32];
        for (int i = 0; i < events.size(); i++) {
            ObjectNode e = events.get(i).deepCopy();
            assertEquals(i, e.get("seq").asLong());
            assertEquals(Codec.toHex(prev), e.remove("prev_hash").asText());
            String hash = e.remove("hash").asText();
            byte[] canonical = Jcs.canonicalize(e);
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(prev);
            md.update(canonical);
            prev = md.digest();
            assertEquals(Codec.toHex(prev), hash, "event " + i);
        }
        assertTrue(events.stream().anyMatch(e -> "config_loaded".equals(e.get("kind").asText())
                && e.get("details").get("files").has("classpath:controls/iso27001-2022.yaml")));
        assertTrue(events.stream().anyMatch(e -> "key_created".equals(e.get("kind").asText())));
        assertTrue(events.stream().anyMatch(e -> "login_failed".equals(e.get("kind").asText()) && "admin".equals(e.get("actor").asText())));
        assertTrue(events.stream().anyMatch(e -> "login_failed".equals(e.get("kind").asText())
                && "(not a valid username)".equals(e.get("actor").asText())));
        assertFalse(events.toString().contains("wrong-password-1"), "passwords never reach the chain");
        assertFalse(events.toString().contains("Hunter2"), "implausible usernames are not recorded");
        assertTrue(events.stream().anyMatch(e -> "evidence_submitted".equals(e.get("kind").asText()) && "admin".equals(e.get("actor").asText())));
        assertTrue(events.stream().anyMatch(e -> "logout".equals(e.get("kind").asText())));
        assertTrue(events.stream().anyMatch(e -> "login".equals(e.get("kind").asText())));
        assertEquals("0".repeat(64), events.get(0).get("prev_hash").asText(), "the first prev_hash is 32 zero bytes");
    }

    /** Every staff endpoint: 401 without a session, 403 to roles that may not use it. */
    @Test
    void staffEndpointsCheckSessionAndRole() {
        Map<String, String> sessions = Map.of("admin", admin, "compliance", Staff.withRole("compliance"),
                "privacy", Staff.withRole("privacy"), "auditor", Staff.withRole("auditor"));
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        Object[][] endpoints = {
            {"POST", "/api/v1/evidence", Map.of("payload", List.of()), List.of("admin", "compliance")},
            {"POST", "/api/v1/manifests/" + future + "/seal", "{}", List.of("admin", "compliance")},
            {"GET", "/api/v1/ledger/entries?start=0&end=1", null, List.of("admin", "compliance", "auditor")},
            {"POST", "/api/v1/ledger/verify", "{}", List.of("admin", "compliance", "auditor")},
            {"GET", "/api/v1/governance/events?limit=1", null, List.of("admin", "compliance", "auditor")},
        };
        long before = LedgerHttp.treeSize();
        for (Object[] e : endpoints) {
            @SuppressWarnings("unchecked")
            List<String> allowed = (List<String>) e[3];
            var anon = given();
            if (e[2] != null) {
                anon = anon.contentType(ContentType.JSON).body(e[2]);
            }
            anon.request((String) e[0], (String) e[1]).then().statusCode(401).contentType("application/problem+json");
            for (var role : sessions.entrySet()) {
                var spec = given().cookie("tl_session", role.getValue());
                if (e[2] != null) {
                    spec = spec.contentType(ContentType.JSON).body(e[2]);
                }
                int status = spec.request((String) e[0], (String) e[1]).statusCode();
                if (allowed.contains(role.getKey())) {
                    assertTrue(status != 401 && status != 403, e[0] + " " + e[1] + " refused " + role.getKey() + ": " + status);
                } else {
                    assertEquals(403, status, e[0] + " " + e[1] + " for " + role.getKey());
                }
            }
        }
        assertEquals(before, LedgerHttp.treeSize());
        // The public endpoints need no session.
        given().get("/api/v1/keys").then().statusCode(200);
        given().get("/api/v1/checkpoint").then().statusCode(200);
        given().get("/api/v1/manifests").then().statusCode(200);
    }

    @Test
    void fullVerificationPassesOnAnUntamperedLedger() {
        LedgerHttp.submit(admin, LedgerHttp.evidence("verify all", Map.of("v", 1))).then().statusCode(201);
        given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/ledger/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("problem", org.hamcrest.Matchers.nullValue())
                .body("checked.leaves", org.hamcrest.Matchers.greaterThan(0));
    }
}
