package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustledger.privacy.Registers.map;
import static org.trustledger.privacy.Registers.post;
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

/** Privacy-notice versions over HTTP: hashes, the current version per audience, retraction, immutability, validation. */
@QuarkusTest
class PrivacyNoticeRegisterTest {

    private static final String NOTICES = "/api/v1/privacy-notices";
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    EntityManager em;

    private String privacy;

    @BeforeEach
    void signIn() {
        privacy = Staff.withRole("privacy");
    }

    /** A version for the customers audience with a label and an instant of its own, so tests do not collide. */
    private static Map<String, Object> customers() {
        int n = NEXT.incrementAndGet();
        return map("audience", "customers", "version_label", "2024." + n, "url", "https://fjordlane.example/privacy?v=" + n,
                "published_at", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(n).toString(), "sha256", SHA256_ABC,
                "review_interval_days", 365);
    }

    private static String daysFromNow(long days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private String counts() {
        return Registers.counts(em, "privacy_notice", "register_revision");
    }

    @Test
    void theTextsHashIsComputedAndAGivenHashIsCheckedAgainstIt() {
        Response withText = post(privacy, NOTICES, with(customers(), "sha256", null, "text", "abc"));
        withText.then().statusCode(201).body("sha256", equalTo(SHA256_ABC)).body("text", equalTo("abc"))
                .body("review_due_at", equalTo(Instant.parse(withText.path("published_at")).plus(Duration.ofDays(365)).toString()))
                .body("history.action", equalTo(List.of("created"))).body("history[0].actor", equalTo("test-privacy"))
                .body("history[0].snapshot.sha256", equalTo(SHA256_ABC));
        post(privacy, NOTICES, with(customers(), "text", "abc")).then().statusCode(201).body("sha256", equalTo(SHA256_ABC));
        String hashOnly = post(privacy, NOTICES, customers()).then().statusCode(201).body("text", nullValue()).extract().path("sha256");
        assertEquals(SHA256_ABC, hashOnly);
        // Non-ASCII text is hashed as its UTF-8 bytes: SHA-256 of "é" (c3 a9).
        post(privacy, NOTICES, with(customers(), "sha256", null, "text", "\u00e9")).then().statusCode(201)
                .body("sha256", equalTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"));
        String before = counts();
        post(privacy, NOTICES, with(customers(), "text", "abd")).then().statusCode(422).body("errors[0].field", equalTo("sha256"));
        assertEquals(before, counts());
    }

    @Test
    void theCurrentVersionIsTheLatestPublishedAndFutureOnesCanBeRetracted() {
        Map<String, Object> base = map("audience", "staff", "url", "https://intranet.fjordlane.example/privacy", "sha256", SHA256_ABC,
                "review_interval_days", 180);
        long old = post(privacy, NOTICES, with(base, "version_label", "s1", "published_at", daysFromNow(-30))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long live = post(privacy, NOTICES, with(base, "version_label", "s2", "published_at", daysFromNow(-1))).then().statusCode(201)
                .body("state", equalTo("current")).extract().jsonPath().getLong("id");
        String futureAt = daysFromNow(10);
        long future = post(privacy, NOTICES, with(base, "version_label", "s3", "published_at", futureAt)).then().statusCode(201)
                .body("state", equalTo("scheduled")).extract().jsonPath().getLong("id");

        String auditor = Staff.withRole("auditor");
        Registers.get(auditor, NOTICES + "/current").then().statusCode(200)
                .body("find { it.audience == 'staff' }.id", equalTo((int) live));
        // Other test classes (the console role matrix) may have added staff notices to the shared test database:
        // this test's three come in this order, with these states, and without their text.
        List<Integer> mine = List.of((int) future, (int) live, (int) old);
        List<Map<String, Object>> listed = Registers.get(auditor, NOTICES + "?audience=staff").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Map<String, Object>> ours = listed.stream().filter(n -> mine.contains(n.get("id"))).toList();
        assertEquals(mine, ours.stream().map(n -> n.get("id")).toList());
        assertEquals(List.of("scheduled", "current", "superseded"), ours.stream().map(n -> n.get("state")).toList());
        assertTrue(ours.stream().allMatch(n -> n.get("text") == null), ours.toString());

        String before = counts();
        post(privacy, NOTICES + "/" + live + "/retract", map("reason", "typo")).then().statusCode(409).contentType("application/problem+json");
        post(privacy, NOTICES + "/" + future + "/retract", map()).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        assertEquals(before, counts());
        post(privacy, NOTICES + "/" + future + "/retract", map("reason", "Legal review not finished")).then().statusCode(200)
                .body("state", equalTo("retracted"))
                .body("retraction_reason", equalTo("Legal review not finished"))
                .body("history.action", equalTo(List.of("created", "retracted")))
                .body("history[1].note", equalTo("Legal review not finished"))
                .body("history[1].changes.field", equalTo(List.of("retracted_at", "retraction_reason")));
        post(privacy, NOTICES + "/" + future + "/retract", map("reason", "again")).then().statusCode(409);
        // The retracted version's instant is free again; its label is not.
        post(privacy, NOTICES, with(base, "version_label", "s3", "published_at", futureAt)).then().statusCode(409);
        post(privacy, NOTICES, with(base, "version_label", "s3b", "published_at", futureAt)).then().statusCode(201);
        Registers.get(Staff.withRole("compliance"), NOTICES + "/current").then().statusCode(200)
                .body("find { it.audience == 'staff' }.id", equalTo((int) live));
    }

    @Test
    void versionsAreImmutable() {
        long id = post(privacy, NOTICES, customers()).then().statusCode(201).extract().jsonPath().getLong("id");
        String before = counts();
        given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(customers()).put(NOTICES + "/" + id)
                .then().statusCode(405).contentType("application/problem+json");
        given().cookie("tl_session", privacy).delete(NOTICES + "/" + id).then().statusCode(405);
        assertEquals(before, counts());
    }

    @Test
    void badVersionsAre4xxAndWriteNothing() {
        Map<String, Object> taken = customers();
        post(privacy, NOTICES, taken).then().statusCode(201);
        String before = counts();
        post(privacy, NOTICES, map()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("audience", "version_label", "url", "published_at", "sha256", "review_interval_days")));
        for (Object bad : List.of(SHA256_ABC.toUpperCase(), SHA256_ABC.substring(1), SHA256_ABC + "0", "z" + SHA256_ABC.substring(1), " " + SHA256_ABC)) {
            post(privacy, NOTICES, with(customers(), "sha256", bad)).then().statusCode(400).body("errors[0].field", equalTo("sha256"))
                    .body("errors[0].reason", equalTo("must be 64 lowercase hexadecimal digits"));
        }
        for (Object bad : List.of("http://fjordlane.example/privacy", "https://", "https:///privacy", "https://user:pw@fjordlane.example/p",
                "javascript:alert(1)", "/privacy", "https://fjordlane.example/a b", "HTTPS://fjordlane.example/")) {
            post(privacy, NOTICES, with(customers(), "url", bad)).then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        post(privacy, NOTICES, with(customers(), "audience", "partners")).then().statusCode(400)
                .body("errors[0].reason", equalTo("must be one of customers, website_visitors, applicants, staff"));
        for (Object bad : List.of(0, 1096, -5)) {
            post(privacy, NOTICES, with(customers(), "review_interval_days", bad)).then().statusCode(400)
                    .body("errors[0].field", equalTo("review_interval_days"));
        }
        post(privacy, NOTICES, with(customers(), "review_interval_days", "365")).then().statusCode(400);
        post(privacy, NOTICES, with(customers(), "review_interval_days", 365.5)).then().statusCode(400);
        post(privacy, NOTICES, with(customers(), "review_interval_days", 99_999_999_999L)).then().statusCode(400);
        post(privacy, NOTICES, with(customers(), "published_at", "2024-13-01T00:00:00Z")).then().statusCode(400);
        post(privacy, NOTICES, with(customers(), "sha256", null, "text", "form\u000cfeed")).then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        post(privacy, NOTICES, with(customers(), "sha256", null, "text", "   ")).then().statusCode(400).body("errors[0].field", equalTo("sha256"));
        post(privacy, NOTICES, with(customers(), "current", true)).then().statusCode(400);
        post(privacy, NOTICES, with(customers(), "version_label", taken.get("version_label"))).then().statusCode(409);
        post(privacy, NOTICES, with(customers(), "published_at", taken.get("published_at"))).then().statusCode(409);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("audience", "staff").post(NOTICES).then().statusCode(415);
        Registers.get(privacy, NOTICES + "?audience=everyone").then().statusCode(400);
        Registers.get(privacy, NOTICES + "/99999999").then().statusCode(404).contentType("application/problem+json");
        Registers.get(privacy, NOTICES + "/latest").then().statusCode(404);
        post(privacy, NOTICES + "/99999999/retract", map("reason", "x")).then().statusCode(404);
        assertEquals(before, counts());
    }
}
