package org.trustledger.ledger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.TestDb;
import org.trustledger.TrustLedgerMain;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/**
 * Each test changes the stored ledger the way an attacker with database access would, checks that
 * the HTTP check, the verifier class and the command line all report the first inconsistency with
 * its kind and location, then undoes the change and checks the ledger verifies again.
 */
@QuarkusTest
class LedgerTamperTest {

    @Inject
    EvidenceLedger ledger;

    @Inject
    LedgerManifests manifests;

    @Inject
    LedgerCheckpoints checkpoints;

    String admin;
    long batchStart;
    LocalDate sealed;
    long checkpointSize;

    @BeforeEach
    void fixture() {
        admin = Staff.admin();
        List<NewEvidence> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(new NewEvidence("tamper-fixture", List.of("ISO27001:A.8.15"), "pass", "fixture " + i,
                    JsonNodeFactory.instance.objectNode().put("i", i)));
        }
        // One batch: the same collected_at for all eight, so a swap breaks only the tree.
        batchStart = ledger.append(batch).get(0).index();
        sealed = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        manifests.seal(sealed, "tamper-test");
        checkpointSize = checkpoints.latest().treeSize();
        expectOk();
    }

    @AfterEach
    void stillConsistent() {
        expectOk();
    }

    @Test
    void changedLeafByte() throws SQLException {
        long idx = batchStart + 3;
        String flip = "UPDATE evidence SET canonical = set_byte(canonical, 20, get_byte(canonical, 20) # 1) WHERE idx = " + idx;
        sql(flip);
        try {
            expectProblem("leaf_hash_mismatch", "evidence index " + idx);
        } finally {
            sql(flip);
        }
    }

    @Test
    void deletedRow() throws SQLException {
        long idx = batchStart + 2;
        sql("CREATE TABLE tamper_saved AS SELECT * FROM evidence WHERE idx = " + idx, "DELETE FROM evidence WHERE idx = " + idx);
        try {
            expectProblem("index_gap", "evidence index " + idx);
        } finally {
            sql("INSERT INTO evidence SELECT * FROM tamper_saved", "DROP TABLE tamper_saved");
        }
    }

    @Test
    void swappedRows() throws SQLException {
        long a = batchStart + 1;
        long b = batchStart + 2;
        String[] swap = {"UPDATE evidence SET idx = 9000000000000000 WHERE idx = " + a, "UPDATE evidence SET idx = " + a + " WHERE idx = " + b,
            "UPDATE evidence SET idx = " + b + " WHERE idx = 9000000000000000"};
        sql(swap);
        try {
            expectProblem("node_hash_mismatch", "ledger_node level=1 idx=" + (a >> 1));
        } finally {
            sql(swap);
        }
    }

    @Test
    void editedSubtreeHash() throws SQLException {
        String flip = "UPDATE ledger_node SET hash = set_byte(hash, 0, get_byte(hash, 0) # 128) WHERE level = 2 AND idx = 0";
        sql(flip);
        try {
            expectProblem("node_hash_mismatch", "ledger_node level=2 idx=0");
        } finally {
            sql(flip);
        }
    }

    @Test
    void editedManifestEvenWithItsHashRecomputed() throws SQLException {
        byte[] body;
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT body FROM ledger_manifest WHERE day = ?")) {
            ps.setObject(1, sealed);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                body = rs.getBytes(1);
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String forged = text.replaceFirst("\"first_index\":(\\d+)", "\"first_index\":7$1");
        assertFalse(forged.equals(text));
        byte[] forgedBytes = forged.getBytes(StandardCharsets.UTF_8);
        updateManifest(forgedBytes, Hashes.sha256(forgedBytes));
        try {
            expectProblem("manifest_signature_invalid", "ledger_manifest date=" + sealed);
            updateManifest(forgedBytes, Hashes.sha256(body));
            expectProblem("manifest_hash_mismatch", "ledger_manifest date=" + sealed);
        } finally {
            updateManifest(body, Hashes.sha256(body));
        }
    }

    @Test
    void editedGovernanceEvent() throws SQLException {
        String flip = "UPDATE governance_event SET canonical = set_byte(canonical, 5, get_byte(canonical, 5) # 1) WHERE seq = 2";
        sql(flip);
        try {
            expectProblem("governance_hash_mismatch", "governance_event seq=2");
        } finally {
            sql(flip);
        }
    }

    @Test
    void replacedCheckpointSignature() throws SQLException {
        String note;
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT note FROM ledger_checkpoint WHERE tree_size = ?")) {
            ps.setLong(1, checkpointSize);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                note = rs.getString(1);
            }
        }
        int sp = note.lastIndexOf(' ');
        byte[] blob = Codec.fromBase64(note.substring(sp + 1, note.length() - 1));
        ByteBuffer.wrap(blob).put(10, (byte) (blob[10] ^ 1));
        String forged = note.substring(0, sp + 1) + Codec.toBase64(blob) + "\n";
        updateNote(forged);
        try {
            expectProblem("checkpoint_signature_invalid", "ledger_checkpoint tree_size=" + checkpointSize);
        } finally {
            updateNote(note);
        }
    }

    @Test
    void replacedManifestSignature() throws SQLException {
        String flip = "UPDATE ledger_manifest SET signature = set_byte(signature, 63, get_byte(signature, 63) # 1) WHERE day = '" + sealed + "'";
        sql(flip);
        try {
            expectProblem("manifest_signature_invalid", "ledger_manifest date=" + sealed);
        } finally {
            sql(flip);
        }
    }

    @Test
    void movedHead() throws SQLException {
        String grow = "UPDATE ledger_head SET tree_size = tree_size + 1";
        sql(grow);
        try {
            expectProblem("head_size_mismatch", "ledger_head");
        } finally {
            sql("UPDATE ledger_head SET tree_size = tree_size - 1");
        }
    }

    // ---------------------------------------------------------------------------------------

    private void expectOk() {
        given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/ledger/verify").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true));
    }

    private void expectProblem(String kind, String location) throws SQLException {
        JsonPath http = given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/ledger/verify").then()
                .statusCode(200).extract().jsonPath();
        assertFalse(http.getBoolean("ok"), "HTTP check passed a tampered ledger");
        assertEquals(kind, http.getString("problem.kind"), http.prettify());
        assertEquals(location, http.getString("problem.location"), http.prettify());

        try (Connection c = TestDb.connect()) {
            LedgerVerifier.Result r = LedgerVerifier.verify(c);
            assertFalse(r.ok());
            assertEquals(kind, r.problem().kind());
            assertEquals(location, r.problem().location());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrustLedgerMain.verifyLedger(new String[] {"verify-ledger", "--jdbc-url", TestDb.url()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("FAIL " + location + ": " + kind + ": ")), printed);
        assertTrue(printed.strip().endsWith("RESULT FAIL"), printed);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = TestDb.connect(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private void updateManifest(byte[] body, byte[] sha256) throws SQLException {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("UPDATE ledger_manifest SET body = ?, sha256 = ? WHERE day = ?")) {
            ps.setBytes(1, body);
            ps.setBytes(2, sha256);
            ps.setObject(3, sealed);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private void updateNote(String note) throws SQLException {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("UPDATE ledger_checkpoint SET note = ? WHERE tree_size = ?")) {
            ps.setString(1, note);
            ps.setLong(2, checkpointSize);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
