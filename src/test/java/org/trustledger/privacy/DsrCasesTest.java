package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** Staff case handling: roles, transitions, the extension rules, and search by email. */
@QuarkusTest
class DsrCasesTest {

    @Inject
    EntityManager em;

    private String privacy;

    @BeforeEach
    void signIn() {
        privacy = Staff.withRole("privacy");
    }

    private Response transition(long id, String to, String note) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("to", to);
        if (note != null) {
            body.put("note", note);
        }
        return given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(body)
                .post("/api/v1/dsr-cases/" + id + "/transition");
    }

    private Response extend(long id, Object body) {
        return given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(body).post("/api/v1/dsr-cases/" + id + "/extend");
    }

    private long newCase(String email, String type, String jurisdiction) {
        return Dsr.caseId(em, Dsr.submit(email, type, jurisdiction));
    }

    @Test
    void everyEndpointNeedsASessionAndThePrivacyOrAdminRole() {
        long id = newCase("roles@example.org", "access", "EU_GDPR");
        Map<String, String> sessions = Map.of("admin", Staff.admin(), "privacy", privacy,
                "compliance", Staff.withRole("compliance"), "auditor", Staff.withRole("auditor"));
        record Call(String method, String path, Object body) {
        }
        List<Call> calls = List.of(
                new Call("GET", "/api/v1/dsr-cases", null),
                new Call("GET", "/api/v1/dsr-cases?status=received&jurisdiction=EU_GDPR", null),
                new Call("GET", "/api/v1/dsr-cases/" + id, null),
                new Call("POST", "/api/v1/dsr-cases/" + id + "/transition", Map.of("to", "verifying")),
                new Call("POST", "/api/v1/dsr-cases/" + id + "/extend", Map.of("reason", "complex")),
                new Call("POST", "/api/v1/dsr-cases/search", Map.of("email", "roles@example.org")));
        for (Call c : calls) {
            var anonymous = given();
            if (c.body() != null) {
                anonymous = anonymous.contentType(ContentType.JSON).body(c.body());
            }
            anonymous.request(c.method(), c.path()).then().statusCode(401).contentType("application/problem+json");
            for (String role : List.of("compliance", "auditor")) {
                var spec = given().cookie("tl_session", sessions.get(role));
                if (c.body() != null) {
                    spec = spec.contentType(ContentType.JSON).body(c.body());
                }
                spec.request(c.method(), c.path()).then().statusCode(403).contentType("application/problem+json");
            }
        }
        given().cookie("tl_session", sessions.get("admin")).get("/api/v1/dsr-cases/" + id).then().statusCode(200);
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + id).then().statusCode(200);
        // The refused calls changed nothing.
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + id).then()
                .body("status", equalTo("received")).body("extended_until", nullValue());
    }

    @Test
    void aCaseMovesThroughItsStatesAndEachStepIsRecorded() {
        long id = newCase("flow@example.org", "erasure", "EU_GDPR");
        transition(id, "in_progress", null).then().statusCode(409).contentType("application/problem+json");
        transition(id, "completed", null).then().statusCode(409);
        transition(id, "verifying", "ID requested").then().statusCode(200).body("status", equalTo("verifying")).body("id", equalTo((int) id));
        transition(id, "verifying", null).then().statusCode(409);
        transition(id, "completed", null).then().statusCode(409);
        transition(id, "in_progress", null).then().statusCode(200).body("status", equalTo("in_progress"));
        transition(id, "completed", "Erased from CRM and backups scheduled").then().statusCode(200).body("status", equalTo("completed"));
        transition(id, "rejected", "too late").then().statusCode(409);
        transition(id, "in_progress", null).then().statusCode(409);

        Response detail = given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + id);
        detail.then().statusCode(200).body("status", equalTo("completed"))
                .body("events.kind", equalTo(List.of("received", "transition", "transition", "transition")))
                .body("events.to_status", equalTo(List.of("received", "verifying", "in_progress", "completed")))
                .body("events.from_status", equalTo(java.util.Arrays.asList(null, "received", "verifying", "in_progress")))
                .body("events.actor", equalTo(java.util.Arrays.asList(null, "test-privacy", "test-privacy", "test-privacy")))
                .body("events[1].note", equalTo("ID requested"));
        assertTrue(!detail.asString().contains("hmac") && !detail.asString().contains("token"), detail.asString());
    }

    @Test
    void rejectionIsAllowedBeforeCompletionAndNeedsAReason() {
        long received = newCase("rej1@example.org", "access", "UK_GDPR");
        transition(received, "rejected", null).then().statusCode(422).body("errors[0].field", equalTo("note"));
        transition(received, "rejected", "  ").then().statusCode(422);
        transition(received, "rejected", "Manifestly unfounded, Art. 12(5)").then().statusCode(200).body("status", equalTo("rejected"));
        long verifying = newCase("rej2@example.org", "access", "UK_GDPR");
        transition(verifying, "verifying", null).then().statusCode(200);
        transition(verifying, "rejected", "Identity could not be verified").then().statusCode(200);
        long inProgress = newCase("rej3@example.org", "know", "US_CCPA");
        transition(inProgress, "verifying", null).then().statusCode(200);
        transition(inProgress, "in_progress", null).then().statusCode(200);
        transition(inProgress, "rejected", "Exemption applies").then().statusCode(200);
        transition(inProgress, "verifying", null).then().statusCode(409);
    }

    @Test
    void badTransitionRequestsAre4xxAndChangeNothing() {
        long id = newCase("badtr@example.org", "access", "EU_GDPR");
        transition(id, "received", null).then().statusCode(400).body("errors.field", hasItem("to"));
        transition(id, "done", null).then().statusCode(400);
        transition(id, "verifying", "bell\u0007").then().statusCode(400).body("errors[0].field", equalTo("note"));
        transition(id, "verifying", "n".repeat(2001)).then().statusCode(400);
        given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("to", "verifying", "actor", "someone-else"))
                .post("/api/v1/dsr-cases/" + id + "/transition").then().statusCode(400);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("to", "verifying")
                .post("/api/v1/dsr-cases/" + id + "/transition").then().statusCode(org.hamcrest.Matchers.oneOf(400, 415));
        given().cookie("tl_session", privacy).contentType(ContentType.JSON).body("null")
                .post("/api/v1/dsr-cases/" + id + "/transition").then().statusCode(400);
        transition(99_999_999L, "verifying", null).then().statusCode(404).contentType("application/problem+json");
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/99999999").then().statusCode(404).contentType("application/problem+json");
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/not-a-number").then().statusCode(404);
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + id).then().body("status", equalTo("received"))
                .body("events.size()", equalTo(1));
    }

    @Test
    void gdprAndCcpaCasesExtendOnceFromTheOriginalDueDate() {
        long gdpr = newCase("ext-gdpr@example.org", "access", "EU_GDPR");
        Instant due = Instant.parse(given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + gdpr).path("due_at"));
        LocalDate dueDay = DsrDeadlines.dateOf(due);
        extend(gdpr, Map.of("reason", "Many requests this month")).then().statusCode(200)
                .body("extended_until", equalTo(DsrDeadlines.endOf(dueDay.plusMonths(2)).toString()))
                .body("extension_reason", equalTo("Many requests this month"))
                .body("due_at", equalTo(due.toString()));
        extend(gdpr, Map.of("reason", "again")).then().statusCode(409).contentType("application/problem+json");

        long ccpa = newCase("ext-ccpa@example.org", "delete", "US_CCPA");
        Instant ccpaDue = Instant.parse(given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + ccpa).path("due_at"));
        extend(ccpa, Map.of("reason", "Complex request")).then().statusCode(200)
                .body("extended_until", equalTo(DsrDeadlines.endOf(DsrDeadlines.dateOf(ccpaDue).plusDays(45)).toString()));

        // The extension is in the case history with its reason.
        Response detail = given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + gdpr);
        detail.then().body("events.kind", hasItem("extension")).body("events[1].note", equalTo("Many requests this month"));
    }

    @Test
    void theRequesterSeesTheExtendedDueDate() {
        String token = Dsr.submit("ext-view@example.org", "rectification", "UK_GDPR");
        long id = Dsr.caseId(em, token);
        Instant due = Instant.parse(given().get("/api/v1/dsr/" + token).path("due_at"));
        extend(id, Map.of("reason", "Complex")).then().statusCode(200);
        given().get("/api/v1/dsr/" + token).then().statusCode(200)
                .body("due_at", equalTo(DsrDeadlines.endOf(DsrDeadlines.dateOf(due).plusMonths(2)).toString()));
    }

    @Test
    void extensionsAreRefusedWhereTheLawOrTheCaseDoesNotAllowThem() {
        long swiss = newCase("ext-ch@example.org", "access", "CH_FADP");
        extend(swiss, Map.of("reason", "Complex")).then().statusCode(409).contentType("application/problem+json");

        long missing = newCase("ext-missing@example.org", "access", "EU_GDPR");
        extend(missing, Map.of()).then().statusCode(400).body("errors.field", hasItem("reason"));
        extend(missing, Map.of("reason", "   ")).then().statusCode(400);
        extend(missing, Map.of("reason", "x".repeat(2001))).then().statusCode(400);
        extend(missing, Map.of("reason", "ok", "months", 5)).then().statusCode(400);

        long closed = newCase("ext-closed@example.org", "access", "EU_GDPR");
        transition(closed, "rejected", "Duplicate").then().statusCode(200);
        extend(closed, Map.of("reason", "Complex")).then().statusCode(409);

        long late = newCase("ext-late@example.org", "know", "US_CCPA");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE dsr_case SET received_at = now() - interval '50 days', due_at = now() - interval '5 days' WHERE id = ?1")
                .setParameter(1, late).executeUpdate());
        extend(late, Map.of("reason", "Complex")).then().statusCode(409);

        extend(99_999_999L, Map.of("reason", "Complex")).then().statusCode(404);
        for (long id : List.of(swiss, missing, late)) {
            given().cookie("tl_session", privacy).get("/api/v1/dsr-cases/" + id).then().body("extended_until", nullValue());
        }
    }

    @Test
    void listFiltersAndOrdersByDueDateWithoutHashes() {
        newCase("list1@example.org", "opt_out", "US_CCPA");
        newCase("list2@example.org", "access", "CH_FADP");
        newCase("list3@example.org", "access", "EU_GDPR");
        Response all = given().cookie("tl_session", privacy).get("/api/v1/dsr-cases");
        all.then().statusCode(200);
        List<Map<String, Object>> cases = all.jsonPath().getList("");
        assertTrue(cases.size() >= 3);
        assertEquals(Set.of("id", "request_type", "jurisdiction", "status", "received_at", "due_at", "extended_until",
                "extension_reason", "updated_at"), new TreeSet<>(cases.get(0).keySet()));
        List<Instant> effective = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            effective.add(Instant.parse((String) (c.get("extended_until") != null ? c.get("extended_until") : c.get("due_at"))));
        }
        List<Instant> sorted = new ArrayList<>(effective);
        sorted.sort(null);
        assertEquals(sorted, effective, "ordered by the date that applies");

        List<Map<String, Object>> ccpa = given().cookie("tl_session", privacy).get("/api/v1/dsr-cases?status=received&jurisdiction=US_CCPA")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertTrue(!ccpa.isEmpty());
        assertTrue(ccpa.stream().allMatch(c -> "US_CCPA".equals(c.get("jurisdiction")) && "received".equals(c.get("status"))), ccpa.toString());
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases?status=closed").then().statusCode(400).contentType("application/problem+json");
        given().cookie("tl_session", privacy).get("/api/v1/dsr-cases?jurisdiction=eu").then().statusCode(400);
    }

    @Test
    void searchFindsARequestersCasesByTheirEmailInAnySpelling() {
        long a = newCase("Search.Me@Example.org", "access", "EU_GDPR");
        long b = newCase("search.me@example.org", "erasure", "EU_GDPR");
        long other = newCase("someone.else@example.org", "access", "EU_GDPR");
        List<Integer> ids = given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("email", "  SEARCH.ME@EXAMPLE.ORG "))
                .post("/api/v1/dsr-cases/search").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(ids.contains((int) a) && ids.contains((int) b) && !ids.contains((int) other), ids.toString());
        assertEquals(List.of(), given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("email", "nobody@example.org"))
                .post("/api/v1/dsr-cases/search").then().statusCode(200).extract().jsonPath().getList("id"));
        given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("email", "not an email"))
                .post("/api/v1/dsr-cases/search").then().statusCode(400).body("errors[0].field", equalTo("email"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("not an email")));
        given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/dsr-cases/search").then().statusCode(400);
    }
}
