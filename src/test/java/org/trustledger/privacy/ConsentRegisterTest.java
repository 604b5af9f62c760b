package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustledger.privacy.Registers.map;
import static org.trustledger.privacy.Registers.post;
import static org.trustledger.privacy.Registers.put;
import static org.trustledger.privacy.Registers.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** The consent register over HTTP: create, read, update, delete, validation and history. */
@QuarkusTest
class ConsentRegisterTest {

    private static final String CONSENTS = "/api/v1/consents";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    EntityManager em;

    private String privacy;

    @BeforeEach
    void signIn() {
        privacy = Staff.withRole("privacy");
    }

    private static Map<String, Object> newsletter() {
        return map("purpose_id", "newsletter-" + NEXT.incrementAndGet(),
                "description", "Monthly product newsletter by email",
                "legal_text_version", "2025-01",
                "collected_via", List.of("signup form", "newsletter form"),
                "proof_location", "Postmark audience export, s3://fjordlane-consent/newsletter/",
                "withdrawal_method", "Unsubscribe link in every email, or the account settings toggle",
                "last_reviewed_at", "2025-02-01T09:00:00Z");
    }

    private String counts() {
        return Registers.counts(em, "consent_purpose", "register_revision");
    }

    @Test
    void aConsentRecordIsCreatedReadUpdatedAndDeletedWithItsHistory() {
        Map<String, Object> body = newsletter();
        Response created = post(privacy, CONSENTS, body);
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("purpose_id", equalTo(body.get("purpose_id")))
                .body("collected_via", equalTo(List.of("signup form", "newsletter form")))
                .body("last_reviewed_at", equalTo("2025-02-01T09:00:00Z"))
                .body("status", equalTo("active"))
                .body("history.action", equalTo(List.of("created")))
                .body("history[0].actor", equalTo("test-privacy"));
        long id = created.jsonPath().getLong("id");
        String path = CONSENTS + "/" + id;
        Registers.get(Staff.withRole("auditor"), path).then().statusCode(200).body("withdrawal_method", equalTo(body.get("withdrawal_method")));

        put(Staff.admin(), path, with(body, "status", "retired", "legal_text_version", "2025-01 (retired)")).then().statusCode(200)
                .body("status", equalTo("retired"))
                .body("history.action", equalTo(List.of("created", "updated")))
                .body("history[1].actor", equalTo("admin"))
                .body("history[1].changes.field", equalTo(List.of("legal_text_version", "status")))
                .body("history[1].changes[1].from", equalTo("active"))
                .body("history[1].changes[1].to", equalTo("retired"));
        List<Integer> retired = Registers.get(Staff.withRole("compliance"), CONSENTS + "?status=retired").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertTrue(retired.contains((int) id), retired.toString());
        Registers.get(privacy, CONSENTS + "?purpose_id=" + body.get("purpose_id")).then().statusCode(200).body("id", equalTo(List.of((int) id)));

        Registers.delete(privacy, path).then().statusCode(204);
        Registers.get(privacy, path).then().statusCode(404).contentType("application/problem+json");
        Registers.delete(privacy, path).then().statusCode(404);
        put(privacy, path, body).then().statusCode(404);
        // The history outlives the record.
        Registers.get(Staff.withRole("auditor"), path + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("created", "updated", "deleted")))
                .body("[2].snapshot", nullValue())
                .body("[2].changes.field", hasItem("purpose_id"))
                .body("[2].actor", equalTo("test-privacy"));
    }

    @Test
    void aPurposeHasOneRecordPerLegalTextVersion() {
        Map<String, Object> body = newsletter();
        post(privacy, CONSENTS, body).then().statusCode(201);
        long v2 = post(privacy, CONSENTS, with(body, "legal_text_version", "2025-06")).then().statusCode(201).extract().jsonPath().getLong("id");
        String before = counts();
        post(privacy, CONSENTS, body).then().statusCode(409).contentType("application/problem+json");
        put(privacy, CONSENTS + "/" + v2, body).then().statusCode(409);
        assertEquals(before, counts());
    }

    @Test
    void badConsentRecordsAre4xxAndWriteNothing() {
        Map<String, Object> ok = newsletter();
        long id = post(privacy, CONSENTS, ok).then().statusCode(201).extract().jsonPath().getLong("id");
        String before = counts();
        post(privacy, CONSENTS, map()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("purpose_id", "description", "legal_text_version", "collected_via", "proof_location",
                        "withdrawal_method")));
        post(privacy, CONSENTS, with(ok, "purpose_id", "News Letter")).then().statusCode(400).body("errors[0].field", equalTo("purpose_id"));
        post(privacy, CONSENTS, with(ok, "purpose_id", "-x")).then().statusCode(400);
        post(privacy, CONSENTS, with(ok, "collected_via", List.of())).then().statusCode(400).body("errors[0].field", equalTo("collected_via"));
        post(privacy, CONSENTS, with(ok, "collected_via", "signup form")).then().statusCode(400).body("errors[0].field", equalTo("collected_via"));
        post(privacy, CONSENTS, with(ok, "collected_via", List.of("form", "form"))).then().statusCode(400)
                .body("errors[0].field", equalTo("collected_via[1]"));
        post(privacy, CONSENTS, with(ok, "collected_via", List.of("form", " "))).then().statusCode(400)
                .body("errors[0].field", equalTo("collected_via[1]"));
        post(privacy, CONSENTS, with(ok, "collected_via", List.of("form", 3))).then().statusCode(400);
        post(privacy, CONSENTS, "{\"purpose_id\":\"a\",\"collected_via\":[null]}").then().statusCode(400)
                .body("errors.field", hasItem("collected_via[0]"));
        post(privacy, CONSENTS, with(ok, "withdrawal_method", " \n ")).then().statusCode(400).body("errors[0].field", equalTo("withdrawal_method"));
        post(privacy, CONSENTS, with(ok, "status", "paused")).then().statusCode(400).body("errors[0].field", equalTo("status"));
        post(privacy, CONSENTS, with(ok, "last_reviewed_at", "last week")).then().statusCode(400);
        post(privacy, CONSENTS, with(ok, "consent_count", 12)).then().statusCode(400);
        post(privacy, CONSENTS, with(ok, "last_reviewed_at", Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()))
                .then().statusCode(422).body("errors[0].field", equalTo("last_reviewed_at"));
        put(privacy, CONSENTS + "/" + id, with(ok, "description", null)).then().statusCode(400);
        put(privacy, CONSENTS + "/x" + id, ok).then().statusCode(404);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("purpose_id", "x").post(CONSENTS).then().statusCode(415);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("purpose_id", "x").put(CONSENTS + "/" + id)
                .then().statusCode(415);
        Registers.get(privacy, CONSENTS + "?status=gone").then().statusCode(400);
        Registers.get(privacy, CONSENTS + "?purpose_id=Not%20An%20Id").then().statusCode(400);
        Registers.get(privacy, CONSENTS + "/99999999").then().statusCode(404);
        Registers.get(privacy, CONSENTS + "/99999999/history").then().statusCode(404);
        Registers.delete(privacy, CONSENTS + "/abc").then().statusCode(404);
        assertEquals(before, counts());
    }
}
