package org.trustledger.ledger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trustledger.MutableClockProducer;
import org.trustledger.Staff;
import org.trustledger.TestDb;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.Rfc6962Reference;
import org.trustledger.tlog.SignedNote;
import org.trustledger.tlog.SigningKey;

@QuarkusTest
@TestProfile(FreshLedgerProfile.class)
class ManifestSealingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EvidenceLedger ledger;

    @Inject
    LedgerManifests manifests;

    @Inject
    LedgerKeys keys;

    @AfterEach
    void realTime() {
        MutableClockProducer.CLOCK.reset();
    }

    private List<AppendedEvidence> appendAt(Instant at, int n, String label) {
        MutableClockProducer.CLOCK.set(at);
        List<NewEvidence> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new NewEvidence("sealing", List.of("ISO27001:A.5.33"), i % 2 == 0 ? "pass" : "fail", label + " " + i,
                    JsonNodeFactory.instance.objectNode().put("label", label).put("i", i)));
        }
        try {
            return ledger.append(items);
        } finally {
            MutableClockProducer.CLOCK.reset();
        }
    }

    @Test
    void daysAreSealedOnceInOrderWithExactRootsAndChainedHashes() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate d1 = today.minusDays(6);
        LocalDate d2 = today.minusDays(5); // no evidence
        LocalDate d3 = today.minusDays(4);
        appendAt(d1.atTime(10, 0).toInstant(ZoneOffset.UTC), 3, "d1 morning");
        appendAt(d1.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), 2, "d1 night");
        List<AppendedEvidence> d3Items = appendAt(d3.atTime(9, 30).toInstant(ZoneOffset.UTC), 4, "d3");
        assertEquals(5, d3Items.get(0).index());

        // The checkpoint at d3's tree size was issued under an earlier (now retired) key: the manifest
        // embeds that note as issued, and everything must still verify.
        SigningKey oldKey = new SigningKey(Ed25519Keys.generate(new java.security.SecureRandom()), "trustledger.local/evidence");
        try (Connection c = TestDb.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_key (key_id, algorithm, public_key, origin, created_at, retired_at)"
                    + " VALUES (?, 'Ed25519', ?, ?, now() - interval '1 day', now())")) {
                ps.setString(1, oldKey.keyId());
                ps.setBytes(2, oldKey.publicKey());
                ps.setString(3, oldKey.origin());
                ps.executeUpdate();
            }
            CheckpointStore.at(c, 9, oldKey, Instant.now());
        }

        // Two sealers at once, each on its own connection: one set of manifests, same bytes for both.
        SigningKey key = keys.current();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<byte[]>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            results.add(pool.submit(() -> {
                go.await();
                try (Connection c = TestDb.connect()) {
                    c.setAutoCommit(false);
                    ManifestSealer.Sealed s = ManifestSealer.seal(c, d3, key, Instant.now(), null);
                    c.commit();
                    return s.manifest().body();
                }
            }));
        }
        go.countDown();
        byte[] first = results.get(0).get();
        assertArrayEquals(first, results.get(1).get(), "both sealers return the same manifest");
        pool.shutdown();
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT day, count(*) FROM ledger_manifest GROUP BY day ORDER BY day");
                ResultSet rs = ps.executeQuery()) {
            List<LocalDate> days = new ArrayList<>();
            while (rs.next()) {
                assertEquals(1, rs.getInt(2));
                days.add(rs.getObject(1, LocalDate.class));
            }
            assertEquals(List.of(d1, d2, d3), days, "sealing d3 sealed every day from the first day with evidence");
        }

        String admin = Staff.admin();
        List<byte[]> leaves = new ArrayList<>();
        for (byte[] canonical : LedgerHttp.canonicalLeaves(admin, 9)) {
            leaves.add(Hashes.leafHash(canonical));
        }
        String vkey = given().get("/api/v1/keys").then().extract().jsonPath().getString("find { it.retired_at == null }.note_verifier_key");

        String previous = "0".repeat(64);
        long[][] ranges = {{0, 5}, {5, 5}, {5, 9}};
        LocalDate[] days = {d1, d2, d3};
        for (int i = 0; i < 3; i++) {
            Response r = given().get("/api/v1/manifests/" + days[i]);
            r.then().statusCode(200).contentType(ContentType.JSON);
            byte[] bytes = r.asByteArray();
            JsonNode m = JSON.readTree(bytes);
            assertArrayEquals(Jcs.canonicalize(m), bytes, "served bytes are the JCS form");
            assertEquals(days[i].toString(), m.get("date").asText());
            assertEquals(ranges[i][0], m.get("first_index").asLong());
            assertEquals(ranges[i][1], m.get("tree_size").asLong());
            assertEquals(Codec.toHex(Rfc6962Reference.mth(leaves.subList(0, (int) ranges[i][1]))), m.get("root_hash").asText());
            assertEquals(Codec.toHex(Rfc6962Reference.mth(leaves.subList((int) ranges[i][0], (int) ranges[i][1]))),
                    m.get("batch_root").asText());
            assertEquals(previous, m.get("previous_manifest_sha256").asText());
            assertEquals(key.keyId(), m.get("key_id").asText());
            Checkpoint cp = Checkpoint.parse(SignedNote.verify(m.get("checkpoint").asText(),
                    i == 2 ? oldKey.noteVerifier().encode() : vkey));
            assertEquals(ranges[i][1], cp.treeSize());
            assertEquals(m.get("root_hash").asText(), Codec.toHex(cp.rootHash()));
            assertTrue(m.get("governance_head").get("size").asLong() > 0);
            Ed25519Keys.verify(Ed25519Keys.publicKey(key.publicKey()), bytes, Codec.fromBase64(r.header("TrustLedger-Signature")));
            previous = Codec.toHex(Hashes.sha256(bytes));
        }
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                JSON.readTree(given().get("/api/v1/manifests/" + d2).asByteArray()).get("batch_root").asText(), "empty day");

        // Re-sealing is idempotent: 200 and the same bytes.
        Response again = given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/manifests/" + d3 + "/seal");
        again.then().statusCode(200);
        assertArrayEquals(first, again.asByteArray());

        // Unended days and days before the first manifest cannot be sealed; nothing is written.
        given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/manifests/" + today + "/seal").then().statusCode(409)
                .contentType("application/problem+json");
        given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/manifests/" + d1.minusDays(1) + "/seal").then()
                .statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/manifests/" + today).then().statusCode(404);

        // Sealing yesterday seals the empty days in between, by staff, recorded in the governance chain.
        LocalDate yesterday = today.minusDays(1);
        given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/manifests/" + yesterday + "/seal").then().statusCode(201);
        List<Map<String, Object>> listed = given().queryParam("from", d1.toString()).queryParam("to", today.toString())
                .get("/api/v1/manifests").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(6, listed.size());
        assertEquals(d1.toString(), listed.get(0).get("date"));
        assertEquals(yesterday.toString(), listed.get(5).get("date"));
        assertEquals(9, ((Number) listed.get(5).get("tree_size")).intValue());
        JsonNode events = JSON.readTree(given().cookie("tl_session", admin).queryParam("limit", 1000).get("/api/v1/governance/events").asByteArray());
        long sealedByAdmin = 0;
        for (JsonNode e : events) {
            if ("manifest_sealed".equals(e.get("kind").asText()) && "admin".equals(e.get("actor").asText())) {
                sealedByAdmin++;
            }
        }
        assertEquals(3, sealedByAdmin, "one event per day sealed by the admin");

        // A sealed day is closed: evidence stamped with a clock inside it lands after the seal instead.
        AppendedEvidence late = appendAt(d3.atTime(12, 0).toInstant(ZoneOffset.UTC), 1, "late").get(0);
        assertTrue(!late.collectedAt().isBefore(today.atStartOfDay(ZoneOffset.UTC).toInstant()), late.collectedAt().toString());

        // The scheduled job (yesterday already sealed) changes nothing; the Quartz store holds its trigger.
        manifests.sealYesterday();
        assertEquals(6, given().queryParam("from", d1.toString()).get("/api/v1/manifests").then().extract().jsonPath().getList("$").size());
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM qrtz_triggers t JOIN qrtz_cron_triggers ct USING (sched_name, trigger_name, trigger_group)"
                        + " WHERE t.trigger_name LIKE '%ledger-daily-seal%'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the seal job is in the clustered job store");
        }

        try (Connection c = TestDb.connect()) {
            LedgerVerifier.Result result = LedgerVerifier.verify(c);
            assertTrue(result.ok(), String.valueOf(result.problem()));
            assertEquals(6L, result.checked().get("manifests"));
        }
    }
}
