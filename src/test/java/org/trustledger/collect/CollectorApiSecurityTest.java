package org.trustledger.collect;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** Every collector, gap and coverage endpoint: 401 without a session, 403 for other roles, and bad input refused with nothing written. */
@QuarkusTest
class CollectorApiSecurityTest {

    @Inject
    DataSource db;

    record Endpoint(String method, String path, Object body, List<String> allowed) {
    }

    static final List<String> READ = List.of("admin", "compliance", "auditor");
    static final List<String> WRITE = List.of("admin", "compliance");
    static final List<String> ADMIN = List.of("admin");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/collectors", null, READ),
            new Endpoint("GET", "/api/v1/collectors/t-cmd-true", null, READ),
            new Endpoint("GET", "/api/v1/collectors/t-cmd-true/runs", null, READ),
            new Endpoint("POST", "/api/v1/collectors/t-cmd-true/run", Map.of(), WRITE),
            new Endpoint("GET", "/api/v1/collectors/t-pushed/tokens", null, ADMIN),
            new Endpoint("POST", "/api/v1/collectors/t-pushed/tokens", Map.of("label", "role check"), ADMIN),
            new Endpoint("DELETE", "/api/v1/collectors/t-pushed/tokens/999999", null, ADMIN),
            new Endpoint("GET", "/api/v1/collectors/t-manual/uploads", null, READ),
            new Endpoint("POST", "/api/v1/collectors/t-manual/uploads", Map.of("filename", "a.txt"), WRITE),
            new Endpoint("GET", "/api/v1/collectors/t-manual/uploads/999999/content", null, READ),
            new Endpoint("GET", "/api/v1/gaps", null, READ),
            new Endpoint("GET", "/api/v1/gaps/999999", null, READ),
            new Endpoint("POST", "/api/v1/gaps/999999/assign", Map.of("assignee", "admin"), WRITE),
            new Endpoint("POST", "/api/v1/gaps/999999/close", Map.of("resolution", "x"), WRITE),
            new Endpoint("GET", "/api/v1/frameworks/iso27001/coverage", null, READ));

    @Test
    void everyEndpointChecksSessionAndRole() {
        Map<String, String> sessions = Map.of("admin", Api.admin(), "compliance", Staff.withRole("compliance"),
                "privacy", Staff.withRole("privacy"), "auditor", Staff.withRole("auditor"));
        for (Endpoint e : ENDPOINTS) {
            call(e, null).then().statusCode(401).contentType("application/problem+json");
            for (var role : sessions.entrySet()) {
                int status = call(e, role.getValue()).statusCode();
                if (e.allowed().contains(role.getKey())) {
                    Assertions.assertFalse(status == 401 || status == 403, e.method() + " " + e.path() + " refused " + role.getKey());
                } else {
                    Assertions.assertEquals(403, status, e.method() + " " + e.path() + " gave " + status + " to " + role.getKey());
                }
            }
        }
    }

    @Test
    void badInputOnEveryEndpointIsA4xxProblemAndWritesNothing() {
        String admin = Api.admin();
        String[] tables = {"collector_run", "gap", "gap_event", "collector_token", "manual_upload"};
        long[] before = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            before[i] = Api.count(db, "SELECT count(*) FROM " + tables[i]);
        }
        List<Object[]> bad = List.of(
                new Object[] {"GET", "/api/v1/collectors/no-such", null, 404},
                new Object[] {"GET", "/api/v1/collectors/t-cmd-true/runs?limit=0", null, 400},
                new Object[] {"GET", "/api/v1/collectors/t-cmd-true/runs?limit=abc", null, 400},
                new Object[] {"GET", "/api/v1/collectors/t-cmd-true/runs?limit=501", null, 400},
                new Object[] {"GET", "/api/v1/collectors/no-such/runs", null, 404},
                new Object[] {"POST", "/api/v1/collectors/no-such/run", Map.of(), 404},
                new Object[] {"POST-TEXT", "/api/v1/collectors/t-cmd-true/run", "x", 415},
                new Object[] {"POST", "/api/v1/collectors/t-pushed/tokens", Map.of("label", ""), 400},
                new Object[] {"POST", "/api/v1/collectors/t-pushed/tokens", Map.of("label", "x", "expires_in_days", 366), 400},
                new Object[] {"POST", "/api/v1/collectors/t-pushed/tokens", Map.of("label", "x", "expires_in_days", "soon"), 400},
                new Object[] {"POST", "/api/v1/collectors/t-pushed/tokens", Map.of("label", "x", "scope", "all"), 400},
                new Object[] {"POST", "/api/v1/collectors/t-pushed/tokens", "{broken", 400},
                new Object[] {"POST-TEXT", "/api/v1/collectors/t-pushed/tokens", "label=x", 415},
                new Object[] {"POST", "/api/v1/collectors/no-such/tokens", Map.of("label", "x"), 404},
                new Object[] {"DELETE", "/api/v1/collectors/t-pushed/tokens/abc", null, 404},
                new Object[] {"DELETE", "/api/v1/collectors/t-pushed/tokens/999999", null, 404},
                new Object[] {"POST", "/api/v1/collectors/t-manual/uploads", Map.of("filename", "a.txt"), 400},
                new Object[] {"GET", "/api/v1/collectors/t-manual/uploads/abc/content", null, 404},
                new Object[] {"GET", "/api/v1/gaps?status=maybe", null, 400},
                new Object[] {"GET", "/api/v1/gaps?severity=urgent", null, 400},
                new Object[] {"GET", "/api/v1/gaps?control=ISO27001:A.9.1", null, 400},
                new Object[] {"GET", "/api/v1/gaps?limit=-1", null, 400},
                new Object[] {"GET", "/api/v1/gaps/abc", null, 404},
                new Object[] {"POST", "/api/v1/gaps/999999/assign", Map.of("assignee", "admin"), 404},
                new Object[] {"POST", "/api/v1/gaps/1/assign", Map.of("assignee", "Not A User!"), 400},
                new Object[] {"POST", "/api/v1/gaps/999999/close", Map.of("resolution", "x"), 404},
                new Object[] {"POST", "/api/v1/gaps/1/close", Map.of("resolution", " "), 400},
                new Object[] {"POST", "/api/v1/gaps/1/close", Map.of(), 400},
                new Object[] {"GET", "/api/v1/frameworks/nist/coverage", null, 404});
        for (Object[] b : bad) {
            var spec = given().cookie("tl_session", admin);
            String method = (String) b[0];
            if (method.equals("POST-TEXT")) {
                spec = spec.contentType(ContentType.TEXT).body(b[2]);
                method = "POST";
            } else if (b[2] != null) {
                spec = spec.contentType(ContentType.JSON).body(b[2]);
            }
            Response r = spec.request(method, (String) b[1]);
            Assertions.assertEquals((int) b[3], r.statusCode(), b[0] + " " + b[1] + ": " + r.asString());
            Assertions.assertTrue(r.contentType().startsWith("application/problem+json"), b[1] + " " + r.contentType());
        }
        for (int i = 0; i < tables.length; i++) {
            Assertions.assertEquals(before[i], Api.count(db, "SELECT count(*) FROM " + tables[i]), tables[i] + " unchanged");
        }
    }

    private static Response call(Endpoint e, String session) {
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
