package org.trustledger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers for staff sessions. Each login comes from its own client IP so throttling tests stay independent. */
public final class Staff {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    private Staff() {
    }

    /** A fresh documentation-range address (RFC 5737) per call. */
    public static String freshIp() {
        int n = NEXT_IP.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    public static String login(String username, String password) {
        return given().header("X-Forwarded-For", freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when().post("/api/v1/auth/login")
                .then().statusCode(204)
                .extract().cookie("tl_session");
    }

    public static String admin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates (if needed) an account holding only {@code role} and returns a session for it. */
    public static String withRole(String role) {
        String username = "test-" + role;
        given().cookie("tl_session", admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "password-for-" + role, "roles", List.of(role)))
                .when().post("/api/v1/staff/accounts")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        return login(username, "password-for-" + role);
    }
}
