package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.common.Role;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** Service accounts: CI pushes evidence with scoped, expiring, revocable tokens; every push is a governance event. */
@QuarkusTest
class ServiceAccountsTest {

    private static final Map<String, String> OK = Map.of("status", "pass", "summary", "fine");

    @Inject
    DataSource db;

    private static long createAccount(String name) {
        return given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "description", "CI pipeline"))
                .post("/api/v1/service-accounts").then().statusCode(201).body("name", is(name)).body("disabled", is(false))
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath issue(long account, List<String> scopes) {
        return given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON)
                .body(Map.of("scopes", scopes, "expires_in_days", 7))
                .post("/api/v1/service-accounts/" + account + "/tokens").then().statusCode(201)
                .body("token", startsWith("tlc_")).extract().jsonPath();
    }

    @Test
    void aScopedTokenPushesAndEveryPushIsAGovernanceEvent() {
        long account = createAccount("ci-main");
        JsonPath issued = issue(account, List.of("collector:t-pushed"));
        String token = issued.getString("token");
        assertEquals(List.of("collector:t-pushed"), issued.getList("details.scopes"));
        assertEquals(1, Api.count(db, "SELECT count(*) FROM collector_token WHERE token_sha256 = decode('"
                + Codec.toHex(Hashes.sha256(token.getBytes(StandardCharsets.US_ASCII))) + "', 'hex') AND account_id = " + account));
        // The secret is never shown again.
        given().cookie("tl_session", Api.admin()).get("/api/v1/service-accounts/" + account)
                .then().statusCode(200).body("account.name", is("ci-main")).body("tokens[0].scopes", hasItem("collector:t-pushed"))
                .body("tokens[0].token", nullValue()).body(not(org.hamcrest.Matchers.containsString(token)));

        long before = Api.count(db, "SELECT count(*) FROM governance_event WHERE kind = 'service_push' AND actor = 'service:ci-main'");
        long run = PushedEvidenceTest.push("t-pushed", token, OK).then().statusCode(201).body("triggered_by", is("service:ci-main"))
                .extract().jsonPath().getLong("id");
        assertEquals(before + 1, Api.count(db, "SELECT count(*) FROM governance_event WHERE kind = 'service_push'"
                + " AND actor = 'service:ci-main' AND subject = 't-pushed'"));
        assertEquals(1, Api.count(db, "SELECT count(*) FROM governance_event WHERE kind = 'service_push'"
                + " AND convert_from(canonical, 'UTF8') LIKE '%\"run_id\":" + run + "%'"));
        assertEquals(1, Api.count(db, "SELECT count(*) FROM collector_token WHERE account_id = " + account + " AND last_used_at IS NOT NULL"));
    }

    @Test
    void wronglyScopedExpiredRevokedAndDisabledAreRefused() {
        long account = createAccount("ci-refusals");
        String token = issue(account, List.of("collector:t-pushed")).getString("token");
        PushedEvidenceTest.push("t-pushed-other", token, OK).then().statusCode(403).contentType("application/problem+json");

        JsonPath expiring = issue(account, List.of("collector:t-pushed", "collector:t-pushed-other"));
        PushedEvidenceTest.push("t-pushed-other", expiring.getString("token"), OK).then().statusCode(201);
        Api.exec(db, "UPDATE collector_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second'"
                + " WHERE id = " + expiring.getLong("details.id"));
        PushedEvidenceTest.push("t-pushed-other", expiring.getString("token"), OK).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));

        JsonPath revoked = issue(account, List.of("collector:t-pushed"));
        given().cookie("tl_session", Api.admin()).delete("/api/v1/service-accounts/" + account + "/tokens/" + revoked.getLong("details.id"))
                .then().statusCode(200).body("revoked_by", is("admin"));
        PushedEvidenceTest.push("t-pushed", revoked.getString("token"), OK).then().statusCode(401).contentType("application/problem+json");

        PushedEvidenceTest.push("t-pushed", token, OK).then().statusCode(201);
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).post("/api/v1/service-accounts/" + account + "/disable")
                .then().statusCode(200).body("disabled", is(true));
        PushedEvidenceTest.push("t-pushed", token, OK).then().statusCode(401).contentType("application/problem+json");
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).post("/api/v1/service-accounts/" + account + "/enable")
                .then().statusCode(200).body("disabled", is(false));
        PushedEvidenceTest.push("t-pushed", token, OK).then().statusCode(201);
        assertEquals(1, Api.count(db, "SELECT count(*) FROM governance_event WHERE kind = 'service_account_changed'"
                + " AND subject = 'service:ci-refusals' AND convert_from(canonical, 'UTF8') LIKE '%disabled%'"));
    }

    @Test
    void onlyAdminsManageServiceAccountsAndScopesAreValidated() {
        long account = createAccount("ci-validation");
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(Map.of("name", "ci-validation"))
                .post("/api/v1/service-accounts").then().statusCode(409).contentType("application/problem+json");
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(Map.of("name", "Not A Name!"))
                .post("/api/v1/service-accounts").then().statusCode(org.hamcrest.Matchers.anyOf(is(400), is(422)));
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("collector:no-such", "t-pushed", "collector:t-manual")))
                .post("/api/v1/service-accounts/" + account + "/tokens").then().statusCode(422)
                .contentType("application/problem+json");
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(Map.of("scopes", List.of()))
                .post("/api/v1/service-accounts/" + account + "/tokens").then().statusCode(org.hamcrest.Matchers.anyOf(is(400), is(422)));
        String compliance = Staff.withRole(Role.COMPLIANCE);
        given().cookie("tl_session", compliance).get("/api/v1/service-accounts").then().statusCode(403);
        given().get("/api/v1/service-accounts").then().statusCode(401);
        given().cookie("tl_session", Api.admin()).get("/api/v1/service-accounts/999999").then().statusCode(404);
    }
}
