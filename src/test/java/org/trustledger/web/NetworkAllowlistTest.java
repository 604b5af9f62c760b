package org.trustledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

@QuarkusTest
@TestProfile(AllowlistProfile.class)
class NetworkAllowlistTest {

    private static final String OUTSIDE = "203.0.113.77";

    @Inject
    DataSource db;

    @Test
    void aWrongPasswordFromOutsideIsRefusedBeforeTheCredentialIsChecked() {
        long failedBefore = count("SELECT count(*) FROM governance_event WHERE kind = 'login_failed'");
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", OUTSIDE).contentType(ContentType.JSON)
                    .body(Map.of("username", Staff.ADMIN, "password", "wrong-password"))
                    .post("/api/v1/auth/login")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", is("Not allowed from this network."))
                    .header("X-Frame-Options", is("DENY"));
        }
        assertEquals(0, count("SELECT count(*) FROM login_throttle WHERE subject IN ('ip:" + OUTSIDE + "', 'account:admin')"));
        assertEquals(failedBefore, count("SELECT count(*) FROM governance_event WHERE kind = 'login_failed'"));
        // The same wrong password from inside is checked (and counted) as usual.
        given().header("X-Forwarded-For", "198.51.200.9").contentType(ContentType.JSON)
                .body(Map.of("username", Staff.ADMIN, "password", "wrong-password"))
                .post("/api/v1/auth/login").then().statusCode(401);
        assertEquals(failedBefore + 1, count("SELECT count(*) FROM governance_event WHERE kind = 'login_failed'"));
    }

    @Test
    void aValidSessionFromOutsideIsRefusedAndFromInsideAccepted() {
        String session = Staff.admin();
        given().cookie("tl_session", session).header("X-Forwarded-For", OUTSIDE).get("/api/v1/auth/me")
                .then().statusCode(403).contentType("application/problem+json");
        given().cookie("tl_session", session).header("X-Forwarded-For", OUTSIDE).get("/api/v1/gaps/")
                .then().statusCode(403);
        given().cookie("tl_session", session).header("X-Forwarded-For", OUTSIDE).get("/staff/login")
                .then().statusCode(403);
        given().cookie("tl_session", session).header("X-Forwarded-For", OUTSIDE).contentType(ContentType.JSON)
                .post("/api/v1/manifests/2026-01-01/seal").then().statusCode(403);
        given().cookie("tl_session", session).header("X-Forwarded-For", "198.51.3.4").get("/api/v1/auth/me")
                .then().statusCode(200).body("username", is("admin"));
        given().cookie("tl_session", session).header("X-Forwarded-For", "2001:db8::5").get("/api/v1/gaps")
                .then().statusCode(200);
        // A direct connection (no proxy header) is from 127.0.0.1, which is not on the list.
        given().cookie("tl_session", session).get("/api/v1/auth/me").then().statusCode(403);
    }

    @Test
    void publicRoutesAreUnaffected() {
        given().header("X-Forwarded-For", OUTSIDE).get("/api/v1/checkpoint").then().statusCode(200);
        given().header("X-Forwarded-For", OUTSIDE).get("/api/v1/frameworks").then().statusCode(200);
        given().header("X-Forwarded-For", OUTSIDE).get("/").then().statusCode(200);
    }

    @Test
    void servicePushesAreLimitedToTheServiceNetworks() {
        String token = given().cookie("tl_session", Staff.admin()).header("X-Forwarded-For", "198.51.3.5").contentType(ContentType.JSON)
                .body(Map.of("label", "allowlist test", "expires_in_days", 1))
                .post("/api/v1/collectors/t-pushed/tokens").then().statusCode(201).extract().path("token");
        Map<String, String> body = Map.of("status", "pass", "summary", "fine");
        given().header("X-Forwarded-For", OUTSIDE).header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evidence/t-pushed").then().statusCode(403).contentType("application/problem+json");
        // Staff networks are not service networks.
        given().header("X-Forwarded-For", "198.51.3.5").header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evidence/t-pushed").then().statusCode(403);
        assertEquals(0, count("SELECT count(*) FROM collector_token WHERE label = 'allowlist test' AND last_used_at IS NOT NULL"));
        given().header("X-Forwarded-For", "192.0.2.10").header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evidence/t-pushed").then().statusCode(201);
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
