package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** CI pushes evidence with a scoped, expiring service token; the scheduled run checks that pushes keep arriving. */
@QuarkusTest
class PushedEvidenceTest {

    @Inject
    DataSource db;

    static String issue(String collector) {
        return issued(collector).getString("token");
    }

    static JsonPath issued(String collector) {
        return given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON)
                .body(Map.of("label", "ci " + collector, "expires_in_days", 30))
                .post("/api/v1/collectors/" + collector + "/tokens").then().statusCode(201)
                .body("token", startsWith("tlc_")).extract().jsonPath();
    }

    static io.restassured.response.Response push(String collector, String token, Object body) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.post("/api/v1/evidence/" + collector);
    }

    @Test
    void scheduledCheckFailsUntilSomethingIsPushedThenFollowsTheLatestPush() {
        Api.run("t-pushed-other").then().statusCode(200).body("status", is("fail"))
                .body("summary", is("nothing has been pushed yet; expected a push at least every P1D"));
        String token = issue("t-pushed-other");
        JsonPath pushed = push("t-pushed-other", token, Map.of("status", "pass", "summary", "0 vulnerabilities",
                "payload", Map.of("scanner", "osv", "findings", 0), "observed_at", "2026-11-25T06:00:00Z"))
                .then().statusCode(201).body("origin", is("push")).body("status", is("pass"))
                .body("observed_at", is("2026-11-25T06:00:00Z")).extract().jsonPath();
        assertTrue(pushed.getString("triggered_by").startsWith("token:"));
        String canonical = "{\"findings\":0,\"scanner\":\"osv\"}";
        assertEquals(Codec.toHex(Hashes.sha256(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))), pushed.getString("payload_sha256"));
        Api.run("t-pushed-other").then().statusCode(200).body("status", is("pass"))
                .body("payload.latest_push_run", is(pushed.getInt("id")));
        push("t-pushed-other", token, Map.of("status", "fail", "summary", "2 critical vulnerabilities")).then().statusCode(201);
        Api.run("t-pushed-other").then().statusCode(200).body("status", is("fail"));
        push("t-pushed-other", token, Map.of("status", "error", "summary", "scanner crashed")).then().statusCode(201);
        Api.run("t-pushed-other").then().statusCode(200).body("status", is("error"));
        // A push older than the freshness no longer counts.
        Api.exec(db, "UPDATE collector_run SET collected_at = collected_at - interval '2 days' WHERE collector_id = 't-pushed-other'");
        Api.run("t-pushed-other").then().statusCode(200).body("status", is("fail")).body("summary", startsWith("nothing pushed within P1D"));
    }

    @Test
    void tokensAreScopedExpiringRevocableAndStoredOnlyAsHashes() {
        JsonPath issued = issued("t-pushed");
        String token = issued.getString("token");
        long id = issued.getLong("details.id");
        long stored = Api.count(db, "SELECT count(*) FROM collector_token WHERE token_sha256 = decode('"
                + Codec.toHex(Hashes.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) + "', 'hex')");
        assertEquals(1, stored);
        assertEquals(0, Api.count(db, "SELECT count(*) FROM collector_token WHERE label LIKE '%" + token + "%'"));
        Map<String, String> ok = Map.of("status", "pass", "summary", "fine");
        push("t-pushed", null, ok).then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        push("t-pushed", "tlc_" + "A".repeat(43), ok).then().statusCode(401);
        push("t-pushed", "not-a-token", ok).then().statusCode(401);
        push("t-pushed-other", token, ok).then().statusCode(403).contentType("application/problem+json");
        push("t-pushed", token, ok).then().statusCode(201);
        assertTrue(given().cookie("tl_session", Api.admin()).get("/api/v1/collectors/t-pushed/tokens").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class).contains(id));
        Api.exec(db, "UPDATE collector_token SET created_at = now() - interval '1 day', expires_at = now() - interval '1 minute' WHERE id = " + id);
        push("t-pushed", token, ok).then().statusCode(401);
        Api.exec(db, "UPDATE collector_token SET expires_at = now() + interval '1 day' WHERE id = " + id);
        given().cookie("tl_session", Api.admin()).delete("/api/v1/collectors/t-pushed/tokens/" + id).then().statusCode(200)
                .body("revoked_by", is("admin"));
        push("t-pushed", token, ok).then().statusCode(401);
        given().cookie("tl_session", Staff.withRole("compliance")).contentType(ContentType.JSON).body(Map.of("label", "x"))
                .post("/api/v1/collectors/t-pushed/tokens").then().statusCode(403);
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(Map.of("label", "x"))
                .post("/api/v1/collectors/t-cmd-true/tokens").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badPushesAreRefusedAndWriteNothing() {
        String token = issue("t-pushed");
        long runs = Api.count(db, "SELECT count(*) FROM collector_run");
        long used = Api.count(db, "SELECT count(*) FROM collector_token WHERE last_used_at IS NOT NULL");
        for (Object body : new Object[] {
                Map.of("status", "passed", "summary", "x"),
                Map.of("status", "pass"),
                Map.of("status", "pass", "summary", "two\nlines"),
                Map.of("status", "pass", "summary", "x".repeat(501)),
                Map.of("status", "pass", "summary", "x", "payload", "not an object"),
                Map.of("status", "pass", "summary", "x", "payload", Map.of("n", 9007199254740993L)),
                Map.of("status", "pass", "summary", "x", "observed_at", "yesterday"),
                Map.of("status", "pass", "summary", "x", "observed_at", "2999-01-01T00:00:00Z"),
                Map.of("status", "pass", "summary", "x", "unexpected", true),
                "{not json",
                "" }) {
            push("t-pushed", token, body).then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(runs, Api.count(db, "SELECT count(*) FROM collector_run"));
        assertEquals(used, Api.count(db, "SELECT count(*) FROM collector_token WHERE last_used_at IS NOT NULL"));
    }
}
