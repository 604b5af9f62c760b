package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustledger.privacy.Registers.map;
import static org.trustledger.privacy.Registers.post;
import static org.trustledger.privacy.Registers.put;
import static org.trustledger.privacy.Registers.with;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** The DPIA register over HTTP: assessments of real processing activities, approval, review, validation and history. */
@QuarkusTest
class DpiaRegisterTest {

    private static final String DPIAS = "/api/v1/dpias";

    @Inject
    EntityManager em;

    private String privacy;

    @BeforeEach
    void signIn() {
        privacy = Staff.withRole("privacy");
    }

    private static Map<String, Object> analytics() {
        return map("processing_activity_id", "product-analytics", "title", "Product analytics with behavioural scoring",
                "triggers", List.of("large_scale", "evaluation_scoring"), "outcome", "required", "risk_level", "medium",
                "measures", "Pseudonymised user ids; 13-month retention; opt-out in settings");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private String counts() {
        return Registers.counts(em, "dpia", "register_revision");
    }

    private long create(Map<String, Object> body) {
        return post(privacy, DPIAS, body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aDpiaIsDraftedApprovedByTheSignedInUserAndComesDueForReview() {
        Response created = post(privacy, DPIAS, analytics());
        created.then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("triggers", equalTo(List.of("evaluation_scoring", "large_scale"))) // WP248 order
                .body("approved_by", nullValue())
                .body("history.action", equalTo(List.of("created")));
        long id = created.jsonPath().getLong("id");
        String path = DPIAS + "/" + id;
        String nextReview = today().plusYears(1).toString();
        post(Staff.admin(), path + "/approve", map("next_review", nextReview)).then().statusCode(200)
                .body("status", equalTo("approved"))
                .body("approved_by", equalTo("admin"))
                .body("approved_at", not(nullValue()))
                .body("next_review", equalTo(nextReview))
                .body("history.action", equalTo(List.of("created", "approved")))
                .body("history[1].actor", equalTo("admin"));

        String before = counts();
        post(privacy, path + "/approve", map("next_review", nextReview)).then().statusCode(409);
        put(privacy, path, with(analytics(), "risk_level", "high")).then().statusCode(409).contentType("application/problem+json");
        Registers.delete(privacy, path).then().statusCode(409);
        assertEquals(before, counts());

        post(privacy, path + "/review", map("reason", "Adding session replay")).then().statusCode(200)
                .body("status", equalTo("review_due"))
                .body("history[2].action", equalTo("review_requested"))
                .body("history[2].note", equalTo("Adding session replay"));
        post(privacy, path + "/review", map("reason", "again")).then().statusCode(409);
        put(privacy, path, with(analytics(), "risk_level", "high", "triggers", List.of("large_scale", "evaluation_scoring", "innovative_technology")))
                .then().statusCode(200).body("status", equalTo("review_due")).body("risk_level", equalTo("high"))
                .body("history[3].changes.field", equalTo(List.of("triggers", "risk_level")));
        post(privacy, path + "/approve", map("next_review", today().plusMonths(6).toString())).then().statusCode(200)
                .body("status", equalTo("approved")).body("approved_by", equalTo("test-privacy"));
        Registers.get(Staff.withRole("auditor"), path + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("created", "approved", "review_requested", "updated", "approved")));

        // Once next_review has come, the DPIA is due for review without anyone marking it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dpia SET next_review = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, today()).executeUpdate());
        Registers.get(Staff.withRole("compliance"), path).then().statusCode(200).body("status", equalTo("review_due"));
        List<Integer> due = Registers.get(privacy, DPIAS + "?status=review_due").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(due.contains((int) id), due.toString());
        put(privacy, path, analytics()).then().statusCode(200).body("status", equalTo("review_due"));
    }

    @Test
    void approvalNeedsACompleteAssessmentAndAReviewDate() {
        long screening = create(map("processing_activity_id", "billing", "title", "Billing screening"));
        String path = DPIAS + "/" + screening;
        String before = counts();
        post(privacy, path + "/approve", map("next_review", today().plusYears(1).toString())).then().statusCode(409); // no outcome
        post(privacy, path + "/approve", map()).then().statusCode(400).body("errors[0].field", equalTo("next_review"));
        post(privacy, path + "/approve", map("next_review", "next year")).then().statusCode(400);
        post(privacy, path + "/approve", map("next_review", today().toString())).then().statusCode(422)
                .body("errors[0].reason", equalTo("must be after today"));
        post(privacy, path + "/approve", map("next_review", today().plusYears(3).plusDays(1).toString())).then().statusCode(422);
        post(privacy, path + "/approve", map("next_review", today().plusYears(1).toString(), "approved_by", "someone")).then().statusCode(400);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("next_review", "2030-01-01").post(path + "/approve")
                .then().statusCode(415);
        assertEquals(before, counts());

        put(privacy, path, map("processing_activity_id", "billing", "title", "Billing screening", "outcome", "required")).then().statusCode(200);
        post(privacy, path + "/approve", map("next_review", today().plusYears(1).toString())).then().statusCode(409); // no risk level, no measures
        put(privacy, path, map("processing_activity_id", "billing", "title", "Billing screening", "outcome", "not_required",
                "triggers", List.of("large_scale"))).then().statusCode(200);
        post(privacy, path + "/approve", map("next_review", today().plusYears(3).toString())).then().statusCode(200)
                .body("status", equalTo("approved"));
    }

    @Test
    void badDpiasAre4xxAndWriteNothing() {
        long draft = create(analytics());
        String before = counts();
        post(privacy, DPIAS, map()).then().statusCode(400).body("errors.field", equalTo(List.of("processing_activity_id", "title")));
        post(privacy, DPIAS, with(analytics(), "processing_activity_id", "mind-reading")).then().statusCode(422)
                .body("errors[0].field", equalTo("processing_activity_id"));
        post(privacy, DPIAS, with(analytics(), "triggers", List.of("large_scale", "astrology"))).then().statusCode(400)
                .body("errors[0].field", equalTo("triggers[1]"));
        post(privacy, DPIAS, with(analytics(), "triggers", List.of("large_scale", "large_scale"))).then().statusCode(400)
                .body("errors[0].reason", equalTo("is listed twice"));
        post(privacy, DPIAS, with(analytics(), "triggers", "large_scale")).then().statusCode(400);
        post(privacy, DPIAS, with(analytics(), "outcome", "maybe")).then().statusCode(400);
        post(privacy, DPIAS, with(analytics(), "risk_level", "extreme")).then().statusCode(400);
        post(privacy, DPIAS, with(analytics(), "status", "approved")).then().statusCode(400).body("errors[0].reason", equalTo("unknown field"));
        post(privacy, DPIAS, with(analytics(), "approved_by", "me")).then().statusCode(400);
        // WP248: two criteria usually mean a DPIA; concluding otherwise needs the reason.
        post(privacy, DPIAS, with(analytics(), "outcome", "not_required")).then().statusCode(422).body("errors[0].field", equalTo("outcome_reason"));
        put(privacy, DPIAS + "/" + draft, with(analytics(), "processing_activity_id", "nope")).then().statusCode(422);
        put(privacy, DPIAS + "/99999999", analytics()).then().statusCode(404);
        Registers.get(privacy, DPIAS + "/1x").then().statusCode(404);
        Registers.get(privacy, DPIAS + "?status=finished").then().statusCode(400);
        post(privacy, DPIAS + "/" + draft + "/review", map("reason", "x")).then().statusCode(409);
        post(privacy, DPIAS + "/" + draft + "/review", map()).then().statusCode(400);
        assertEquals(before, counts());

        post(privacy, DPIAS, with(analytics(), "outcome", "not_required", "outcome_reason", "Aggregates only, no individual scoring"))
                .then().statusCode(201);
        Registers.get(privacy, DPIAS + "?processing_activity_id=product-analytics").then().statusCode(200)
                .body("processing_activity_id", not(hasItem("billing")));
    }

    @Test
    void aDraftCanBeDeletedAndItsHistoryStays() {
        long id = create(analytics());
        Registers.delete(privacy, DPIAS + "/" + id).then().statusCode(204);
        Registers.get(privacy, DPIAS + "/" + id).then().statusCode(404);
        Registers.get(privacy, DPIAS + "/" + id + "/history").then().statusCode(200).body("action", equalTo(List.of("created", "deleted")));
        Registers.delete(privacy, DPIAS + "/" + id).then().statusCode(404);
    }
}
