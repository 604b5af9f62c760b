package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Public intake and status: each law's happy path, the HTML form, and every class of bad input writing nothing. */
@QuarkusTest
class DsrIntakeTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    EmailHmac emailHmac;

    @Inject
    EntityManager em;

    @ParameterizedTest(name = "{1} under {0}")
    @CsvSource({"EU_GDPR, access", "EU_GDPR, withdraw_consent", "UK_GDPR, erasure", "UK_GDPR, automated_decision",
            "CH_FADP, portability", "CH_FADP, objection", "US_CCPA, know", "US_CCPA, opt_out"})
    void acceptsEachLawsRequests(String jurisdiction, String type) {
        long before = Dsr.rows(em, "dsr_case");
        Response r = Dsr.post(Dsr.body("  Requester." + type + "@Example.ORG ", type, jurisdiction), Dsr.freshIp());
        r.then().statusCode(202).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("status", equalTo("received"));
        String token = r.path("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(Set.of("token", "status", "due_at"), new TreeSet<>(r.jsonPath().getMap("").keySet()));

        Response status = given().get("/api/v1/dsr/" + token);
        status.then().statusCode(200).header("Cache-Control", "no-store")
                .body("status", equalTo("received")).body("request_type", equalTo(type)).body("jurisdiction", equalTo(jurisdiction));
        assertEquals(Set.of("status", "request_type", "jurisdiction", "received_at", "due_at", "updated_at"),
                new TreeSet<>(status.jsonPath().getMap("").keySet()));
        Instant received = Instant.parse(status.path("received_at"));
        Instant due = Instant.parse(status.path("due_at"));
        assertEquals(DsrDeadlines.dueAt(Jurisdiction.valueOf(jurisdiction), received), due);
        assertEquals(due, Instant.parse(r.path("due_at")));
        assertEquals(received, Instant.parse(status.path("updated_at")));

        assertEquals(before + 1, Dsr.rows(em, "dsr_case"));
        Object[] row = (Object[]) em.createNativeQuery("SELECT email_hmac, email_key_id, details, status FROM dsr_case WHERE token_sha256 = ?1")
                .setParameter(1, DsrToken.sha256(token)).getSingleResult();
        EmailHmac.Digest expected = emailHmac.digest("requester." + type + "@example.org");
        assertArrayEquals(expected.hmac(), (byte[]) row[0], "HMAC of the trimmed, lower-cased address");
        assertEquals(expected.keyId(), row[1]);
        assertEquals(null, row[2]);
        assertEquals("received", row[3]);
        Number events = (Number) em.createNativeQuery("SELECT count(*) FROM dsr_case_event WHERE case_id = ?1 AND kind = 'received' AND actor IS NULL")
                .setParameter(1, Dsr.caseId(em, token)).getSingleResult();
        assertEquals(1, events.intValue());
    }

    @Test
    void htmlFormPostsWithItsCsrfTokenAndRedirectsToTheStatusPage() {
        Response page = given().get("/privacy/request");
        page.then().statusCode(200).contentType(containsString("text/html"));
        String html = page.asString();
        for (String field : List.of("email", "jurisdiction", "request_type", "details")) {
            assertTrue(html.contains("<label for=\"" + field + "\">"), "label for " + field);
            assertTrue(html.contains("id=\"" + field + "\""), "field " + field);
        }
        assertTrue(html.contains("<select id=\"jurisdiction\"") && html.contains("<select id=\"request_type\"")
                && html.contains("<textarea id=\"details\""), html);
        assertTrue(html.contains("action=\"/api/v1/dsr\"") && !html.contains("<script"), "a plain form, no script needed");
        Matcher m = CSRF_FIELD.matcher(html);
        assertTrue(m.find(), "form carries a CSRF token");

        long before = Dsr.rows(em, "dsr_case");
        Response r = given().header("X-Forwarded-For", Dsr.freshIp()).contentType(ContentType.URLENC)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .cookie("csrf-token", page.cookie("csrf-token")).formParam("csrf-token", m.group(1))
                .formParam("email", "form.user@example.org").formParam("jurisdiction", "UK_GDPR").formParam("request_type", "rectification")
                .formParam("details", "My address changed.\r\nPlease fix it.")
                .redirects().follow(false).post("/api/v1/dsr");
        assertEquals(303, r.statusCode(), r.asString());
        Matcher location = Pattern.compile("/privacy/status/([A-Za-z0-9_-]{43})$").matcher(r.header("Location"));
        assertTrue(location.find(), r.header("Location"));
        given().get("/api/v1/dsr/" + location.group(1)).then().statusCode(200).body("request_type", equalTo("rectification"));
        assertEquals(before + 1, Dsr.rows(em, "dsr_case"));
        assertEquals("My address changed.\r\nPlease fix it.", em.createNativeQuery("SELECT details FROM dsr_case WHERE token_sha256 = ?1")
                .setParameter(1, DsrToken.sha256(location.group(1))).getSingleResult());
    }

    @Test
    void formWithoutCsrfTokenIsRefusedAndWritesNothing() {
        long before = Dsr.rows(em, "dsr_case");
        given().header("X-Forwarded-For", Dsr.freshIp()).contentType(ContentType.URLENC)
                .formParam("email", "forged@example.org").formParam("jurisdiction", "EU_GDPR").formParam("request_type", "access")
                .redirects().follow(false).post("/api/v1/dsr")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, Dsr.rows(em, "dsr_case"));
    }

    @Test
    void aRejectedFormComesBackAsThePageWithValuesEscaped() {
        Response page = given().get("/privacy/request");
        Matcher m = CSRF_FIELD.matcher(page.asString());
        assertTrue(m.find());
        long before = Dsr.rows(em, "dsr_case");
        Response r = given().header("X-Forwarded-For", Dsr.freshIp()).contentType(ContentType.URLENC).header("Accept", "text/html")
                .cookie("csrf-token", page.cookie("csrf-token")).formParam("csrf-token", m.group(1))
                .formParam("email", "not-an-address").formParam("jurisdiction", "US_CCPA").formParam("request_type", "know")
                .formParam("details", "<script>alert(1)</script>")
                .redirects().follow(false).post("/api/v1/dsr");
        r.then().statusCode(400).contentType(containsString("text/html")).header("Cache-Control", "no-store")
                .body(containsString("role=\"alert\"")).body(containsString("href=\"#email\""))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")).body(not(containsString("<script>")))
                .body(containsString("<option value=\"US_CCPA\" selected>"));
        assertTrue(CSRF_FIELD.matcher(r.asString()).find(), "the page can be submitted again");
        assertEquals(before, Dsr.rows(em, "dsr_case"));
    }

    @Test
    void jsonFromAClientThatPrefersHtmlIsRedirectedToo() {
        given().header("X-Forwarded-For", Dsr.freshIp()).header("Accept", "text/html").contentType(ContentType.JSON)
                .body(Dsr.body("html.pref@example.org", "access", "EU_GDPR")).redirects().follow(false).post("/api/v1/dsr")
                .then().statusCode(303).header("Location", containsString("/privacy/status/"));
    }

    @Test
    void missingOrInvalidEmailIs400() {
        assertRejected(Map.of("request_type", "access", "jurisdiction", "EU_GDPR"), 400, "email");
        for (String bad : List.of("", "not-an-email", "a@b", "two@@example.org", "sp ace@example.org", "<script>@example.org",
                "a".repeat(250) + "@example.org", "ctl\u0000@example.org", "ctl@example.org\r\nBcc: x@example.org")) {
            assertRejected(Dsr.body(bad, "access", "EU_GDPR"), 400, "email");
        }
    }

    @Test
    void unknownTypeOrJurisdictionIs400() {
        assertRejected(Dsr.body("a@example.org", "delete_everything", "EU_GDPR"), 400, "request_type");
        assertRejected(Dsr.body("a@example.org", "ACCESS", "EU_GDPR"), 400, "request_type");
        assertRejected(Dsr.body("a@example.org", "access", "US_TX"), 400, "jurisdiction");
        assertRejected(Dsr.body("a@example.org", "access", "eu_gdpr"), 400, "jurisdiction");
        assertRejected(Map.of("email", "a@example.org"), 400, "request_type");
    }

    @ParameterizedTest(name = "{1} under {0}")
    @CsvSource({"US_CCPA, access", "US_CCPA, erasure", "EU_GDPR, know", "UK_GDPR, opt_out", "CH_FADP, restriction", "CH_FADP, delete"})
    void typeOutsideItsLawIs422(String jurisdiction, String type) {
        Response r = assertRejected(Dsr.body("a@example.org", type, jurisdiction), 422, "request_type");
        assertTrue(r.<String>path("errors[0].reason").contains(jurisdiction), r.asString());
    }

    @Test
    void detailsOverTwoThousandCharactersIs400() {
        Map<String, Object> body = Dsr.body("long@example.org", "access", "EU_GDPR");
        body.put("details", "x".repeat(2001));
        assertRejected(body, 400, "details");
        body.put("details", "é".repeat(2000)); // characters, not bytes
        Dsr.post(body, Dsr.freshIp()).then().statusCode(202);
    }

    @Test
    void controlCharactersInDetailsAre400ButLineBreaksAndTabsAreText() {
        for (String bad : List.of("bell\u0007", "nul\u0000", "\u001b[31mred", "del\u007f", "c1\u0085")) {
            Map<String, Object> body = Dsr.body("ctl@example.org", "access", "EU_GDPR");
            body.put("details", bad);
            assertRejected(body, 400, "details");
        }
        // Escapes reach the same checks as raw characters; a lone surrogate is not text.
        for (String escaped : List.of("nul \\u0000", "lone \\ud800 surrogate", "esc \\u001b")) {
            assertRejected("{\"email\":\"ctl@example.org\",\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\",\"details\":\""
                    + escaped + "\"}", 400, "details");
        }
        Map<String, Object> ok = Dsr.body("ctl@example.org", "access", "EU_GDPR");
        ok.put("details", "line one\nline two\r\n\tindented");
        Dsr.post(ok, Dsr.freshIp()).then().statusCode(202);
    }

    @Test
    void scriptInDetailsIsStoredVerbatimAndNeverServedAsHtml() {
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Map<String, Object> body = Dsr.body("xss@example.org", "access", "EU_GDPR");
        body.put("details", script);
        Response r = Dsr.post(body, Dsr.freshIp());
        r.then().statusCode(202).contentType(ContentType.JSON).body(not(containsString("script")));
        String token = r.path("token");
        assertEquals(script, em.createNativeQuery("SELECT details FROM dsr_case WHERE token_sha256 = ?1")
                .setParameter(1, DsrToken.sha256(token)).getSingleResult());
        given().get("/api/v1/dsr/" + token).then().statusCode(200).body(not(containsString("script")));
    }

    @Test
    void extraFieldsWrongTypesAndMalformedBodiesAre400() {
        Map<String, Object> extra = Dsr.body("extra@example.org", "access", "EU_GDPR");
        extra.put("status", "completed");
        assertRejected(extra, 400, "status");
        for (String raw : List.of(
                "{\"email\":{\"a\":1},\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\"}",
                "{\"email\":[\"a@example.org\"],\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\"}",
                "{\"email\":\"a@example.org\",\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\",\"details\":42}",
                "{\"email\":\"a@example.org\",\"request_type\":true,\"jurisdiction\":\"EU_GDPR\"}",
                "{\"email\":\"a@example.org\",\"email\":\"b@example.org\",\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\"}",
                "{\"email\":\"a@example.org\",\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\"} {}",
                "{\"email\":\"a@example.org\",", "[]", "null", "\"text\"", "", "   ")) {
            assertRejected(raw, 400, null);
        }
    }

    @Test
    void wrongContentTypeIs415() {
        long before = Dsr.rows(em, "dsr_case");
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x")) {
            given().header("X-Forwarded-For", Dsr.freshIp()).contentType(type)
                    .body("{\"email\":\"a@example.org\",\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\"}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/dsr").then().statusCode(415).contentType("application/problem+json");
        }
        assertEquals(before, Dsr.rows(em, "dsr_case"));
    }

    @Test
    void bodyOverOneMegabyteIs413() {
        long before = Dsr.rows(em, "dsr_case");
        String huge = "{\"email\":\"big@example.org\",\"request_type\":\"access\",\"jurisdiction\":\"EU_GDPR\",\"details\":\""
                + "a".repeat(1_100_000) + "\"}";
        given().header("X-Forwarded-For", Dsr.freshIp()).contentType(ContentType.JSON).body(huge).post("/api/v1/dsr")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, Dsr.rows(em, "dsr_case"));
    }

    @Test
    void statusLookupAnswersTheSame404ForUnknownAndMalformedTokens() {
        String token = Dsr.submit("lookup@example.org", "delete", "US_CCPA");
        given().get("/api/v1/dsr/" + token).then().statusCode(200).body("jurisdiction", equalTo("US_CCPA"))
                .body(not(containsString("lookup@"))).body(not(containsString("email")));
        String unknown = DsrToken.create();
        String detail = given().get("/api/v1/dsr/" + unknown).then().statusCode(404).contentType("application/problem+json")
                .extract().path("detail");
        // 'B' sets bits past the 256th: it decodes to the same bytes, but no issued token ends in it.
        String nonCanonical = token.substring(0, 42) + "B";
        assertTrue(!DsrToken.isWellFormed(nonCanonical));
        for (String malformed : List.of("abc", token + "A", token.substring(1), token.substring(0, 42) + "=", token.substring(0, 42) + "+",
                "%2e%2e%2f", "A".repeat(3000), nonCanonical, token.substring(0, 42) + "%00")) {
            given().urlEncodingEnabled(false).get("/api/v1/dsr/" + malformed).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo(detail));
        }
    }

    /** Posts {@code body} (a map or raw JSON text) and checks: the status, problem+json, the named field, and no new row. */
    private Response assertRejected(Object body, int status, String field) {
        long before = Dsr.rows(em, "dsr_case");
        Response r = given().header("X-Forwarded-For", Dsr.freshIp()).contentType(ContentType.JSON).body(body).post("/api/v1/dsr");
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body(not(containsString("Exception"))).body(not(containsString("at org.")));
        if (field != null) {
            r.then().body("errors.field", hasItem(field));
        }
        assertEquals(before, Dsr.rows(em, "dsr_case"), "no row written for " + body);
        return r;
    }
}
