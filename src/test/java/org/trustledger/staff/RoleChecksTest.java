package org.trustledger.staff;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** Every staff endpoint: 401 without a session, 403 to a role that may not use it, allowed to the right one. */
@QuarkusTest
class RoleChecksTest {

    /** method, path, JSON body (or null), roles allowed. */
    record Endpoint(String method, String path, Object body, List<String> allowed) {
    }

    static final List<Endpoint> STAFF_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/auth/me", null, List.of("admin", "compliance", "privacy", "auditor")),
            new Endpoint("GET", "/api/v1/staff/accounts", null, List.of("admin")),
            new Endpoint("POST", "/api/v1/staff/accounts",
                    Map.of("username", "rolecheck", "password", "role-check-password", "roles", List.of("auditor")), List.of("admin")));

    @Test
    void everyStaffEndpointChecksSessionAndRole() {
        Map<String, String> sessions = Map.of(
                "admin", Staff.admin(),
                "compliance", Staff.withRole("compliance"),
                "privacy", Staff.withRole("privacy"),
                "auditor", Staff.withRole("auditor"));
        for (Endpoint e : STAFF_ENDPOINTS) {
            call(e, null).then().statusCode(401).contentType("application/problem+json");
            for (var role : sessions.entrySet()) {
                int status = call(e, role.getValue()).statusCode();
                if (e.allowed().contains(role.getKey())) {
                    if (status == 401 || status == 403) {
                        throw new AssertionError(e.method() + " " + e.path() + " refused role " + role.getKey() + ": " + status);
                    }
                } else if (status != 403) {
                    throw new AssertionError(e.method() + " " + e.path() + " gave " + status + " to role " + role.getKey());
                }
            }
        }
    }

    private static io.restassured.response.Response call(Endpoint e, String session) {
        var spec = given();
        if (session != null) {
            spec = spec.cookie("tl_session", session);
        }
        if (e.body() != null) {
            spec = spec.contentType(ContentType.JSON).body(e.body());
        }
        return spec.request(e.method(), e.path());
    }
}
