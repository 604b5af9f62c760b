package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trustledger.privacy.Registers.map;
import static org.trustledger.privacy.Registers.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/**
 * Every register endpoint: 401 without a session; compliance and auditors may read but not write (403,
 * nothing written); privacy and admin may do both.
 */
@QuarkusTest
class RegisterRolesTest {

    private static final List<String> READERS = List.of("compliance", "auditor");
    private static final List<String> WRITERS = List.of("privacy", "admin");

    @Inject
    EntityManager em;

    record Call(String method, String path, Object body, boolean write) {
    }

    @Test
    void readersReadWritersWriteAndNobodyElse() {
        String privacy = Staff.withRole("privacy");
        Map<String, String> sessions = Map.of("admin", Staff.admin(), "privacy", privacy,
                "compliance", Staff.withRole("compliance"), "auditor", Staff.withRole("auditor"));
        Instant aware = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> breach = map("title", "Roles", "aware_at", aware.toString(), "personal_data_affected", true, "our_role", "controller");
        long breachId = post(privacy, "/api/v1/breaches", breach).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> consent = map("purpose_id", "roles-check", "description", "d", "legal_text_version", "1",
                "collected_via", List.of("form"), "proof_location", "db", "withdrawal_method", "link");
        long consentId = post(privacy, "/api/v1/consents", consent).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> dpia = map("processing_activity_id", "recruitment", "title", "Roles", "outcome", "not_required");
        long dpiaId = post(privacy, "/api/v1/dpias", dpia).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> notice = map("audience", "applicants", "version_label", "roles", "url", "https://fjordlane.example/jobs/privacy",
                "published_at", Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString(), "text", "Applicant notice",
                "review_interval_days", 365);
        long noticeId = post(privacy, "/api/v1/privacy-notices", notice).then().statusCode(201).extract().jsonPath().getLong("id");

        String b = "/api/v1/breaches/" + breachId;
        String c = "/api/v1/consents/" + consentId;
        String d = "/api/v1/dpias/" + dpiaId;
        String n = "/api/v1/privacy-notices/" + noticeId;
        List<Call> calls = List.of(
                new Call("GET", "/api/v1/breaches", null, false),
                new Call("GET", "/api/v1/breaches?status=open", null, false),
                new Call("GET", b, null, false),
                new Call("GET", b + "/history", null, false),
                new Call("POST", "/api/v1/breaches", breach, true),
                new Call("PUT", b, breach, true),
                new Call("POST", b + "/notifications", map("party", "authority"), true),
                new Call("POST", b + "/close", map(), true),
                new Call("GET", "/api/v1/consents", null, false),
                new Call("GET", c, null, false),
                new Call("GET", c + "/history", null, false),
                new Call("POST", "/api/v1/consents", Registers.with(consent, "legal_text_version", "2"), true),
                new Call("PUT", c, consent, true),
                new Call("DELETE", c, null, true),
                new Call("GET", "/api/v1/dpias", null, false),
                new Call("GET", d, null, false),
                new Call("GET", d + "/history", null, false),
                new Call("POST", "/api/v1/dpias", dpia, true),
                new Call("PUT", d, dpia, true),
                new Call("POST", d + "/approve", map("next_review", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()), true),
                new Call("POST", d + "/review", map("reason", "risk changed"), true),
                new Call("DELETE", d, null, true),
                new Call("GET", "/api/v1/privacy-notices", null, false),
                new Call("GET", "/api/v1/privacy-notices/current", null, false),
                new Call("GET", n, null, false),
                new Call("GET", n + "/history", null, false),
                new Call("POST", "/api/v1/privacy-notices", Registers.with(notice, "version_label", "roles-2",
                        "published_at", Instant.now().plus(Duration.ofDays(31)).truncatedTo(ChronoUnit.SECONDS).toString()), true),
                new Call("POST", n + "/retract", map("reason", "withdrawn"), true));

        String tables = Registers.counts(em, "breach", "consent_purpose", "dpia", "privacy_notice", "register_revision");
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            expect(wrong, call, null, 401);
            for (String role : READERS) {
                expect(wrong, call, sessions.get(role), call.write() ? 403 : 200);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(tables, Registers.counts(em, "breach", "consent_purpose", "dpia", "privacy_notice", "register_revision"),
                "refused calls wrote nothing");

        // The writers get past the role check on every call (the state may make a later call 404 or 409).
        for (Call call : calls) {
            for (String role : WRITERS) {
                int status = send(call, sessions.get(role)).statusCode();
                if (status == 401 || status == 403 || status >= 500) {
                    wrong.add(call.method() + " " + call.path() + " as " + role + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, Call call, String session, int expected) {
        Response r = send(call, session);
        if (r.statusCode() != expected || expected >= 400 && !r.contentType().startsWith("application/problem+json")) {
            wrong.add(call.method() + " " + call.path() + (session == null ? " anonymous" : "") + ": " + r.statusCode() + " not " + expected);
        }
    }

    private static Response send(Call call, String session) {
        var spec = given();
        if (session != null) {
            spec = spec.cookie("tl_session", session);
        }
        if (call.body() != null) {
            spec = spec.contentType(ContentType.JSON).body(call.body());
        }
        return spec.request(call.method(), call.path());
    }
}
