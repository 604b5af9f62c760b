package org.trustledger.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
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

/** With local accounts switched off, the password endpoints refuse before checking anything. */
@QuarkusTest
@TestProfile(LocalLoginOffTest.Off.class)
class LocalLoginOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trustledger.staff.local-login", "false");
        }
    }

    @Inject
    DataSource db;

    @Test
    void passwordLoginIsRefused() throws SQLException {
        long failed = count("SELECT count(*) FROM governance_event WHERE kind IN ('login', 'login_failed')");
        given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(403).contentType("application/problem+json");
        given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", Staff.ADMIN, "password", "wrong"))
                .post("/api/v1/auth/login").then().statusCode(403).contentType("application/problem+json");
        assertEquals(failed, count("SELECT count(*) FROM governance_event WHERE kind IN ('login', 'login_failed')"));
        assertEquals(0, count("SELECT count(*) FROM staff_session"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
