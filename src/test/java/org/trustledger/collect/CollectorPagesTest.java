package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.browser.WebCheck;
import org.trustledger.console.ConsoleSignIn;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** The collector pages over HTTP: filters, run now, the upload form, push tokens; each form's success, refusal and wrong role. */
@QuarkusTest
class CollectorPagesTest {

    @Inject
    DataSource db;

    static RequestSpecification page(ConsoleSignIn.Session s) {
        return given().cookie("tl_session", s.cookie()).accept("text/html").redirects().follow(false);
    }

    static RequestSpecification form(ConsoleSignIn.Session s) {
        return page(s).cookie("csrf-token", s.csrf()).contentType(ContentType.URLENC).formParam("csrf-token", s.csrf());
    }

    static RequestSpecification multipart(ConsoleSignIn.Session s) {
        return page(s).cookie("csrf-token", s.csrf()).multiPart("csrf-token", s.csrf());
    }

    @Test
    void theListFiltersByFrameworkControlTypeAndStatusAndMarksBadFilters() {
        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        Api.run("t-cmd-true").then().statusCode(200);
        Api.run("t-cmd-false").then().statusCode(200);
        String all = page(auditor).get("/staff/collectors").then().statusCode(200).extract().asString();
        assertTrue(all.contains("href=\"/staff/collectors/t-manual\"") && all.contains("Next page"), "25 of the test collectors, then a next page");
        String second = page(auditor).get("/staff/collectors?page=2").then().statusCode(200).extract().asString();
        assertTrue(second.contains("href=\"/staff/collectors/t-tia-currency\""), "sorted by id, the last ones are on page 2");
        assertFalse(second.contains("href=\"/staff/collectors/t-access\""));

        String manual = page(auditor).get("/staff/collectors?type=manual").then().statusCode(200).extract().asString();
        assertTrue(manual.contains("/staff/collectors/t-manual\"") && !manual.contains("/staff/collectors/t-pushed\""));
        String soc2 = page(auditor).get("/staff/collectors?framework=soc2&control=SOC2:CC8.1").then().statusCode(200).extract().asString();
        assertTrue(soc2.contains("/staff/collectors/t-pushed\"") && !soc2.contains("/staff/collectors/t-manual\""));
        String passing = page(auditor).get("/staff/collectors?status=pass&type=command").then().statusCode(200).extract().asString();
        assertTrue(passing.contains("/staff/collectors/t-cmd-true\"") && !passing.contains("/staff/collectors/t-cmd-false\""));
        String failing = page(auditor).get("/staff/collectors?status=fail&type=command").then().statusCode(200).extract().asString();
        assertTrue(failing.contains("/staff/collectors/t-cmd-false\"") && !failing.contains("/staff/collectors/t-cmd-true\""));

        String bad = page(auditor).get("/staff/collectors?type=nope&status=maybe&control=XX:1").then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        for (String field : new String[] {"type", "status", "control"}) {
            assertTrue(bad.contains("aria-describedby=\"" + field + "-error\""), field + " marked");
        }
        assertTrue(bad.contains("value=\"XX:1\""), "the filter as typed is kept");
        page(ConsoleSignIn.session("privacy")).get("/staff/collectors").then().statusCode(403);
    }

    @Test
    void theRunHistoryPagesNewestFirstWithoutOverlap() {
        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        for (int i = 0; i < 22; i++) {
            Api.run("t-file-pass").then().statusCode(200);
        }
        Pattern run = Pattern.compile("<a href=\"/staff/collectors/t-file-pass/runs/(\\d+)\">Run ");
        String first = page(auditor).get("/staff/collectors/t-file-pass").then().statusCode(200).extract().asString();
        assertTrue(first.contains("href=\"/staff/collectors/t-file-pass?page=2\" rel=\"next\""), "a next page");
        String second = page(auditor).get("/staff/collectors/t-file-pass?page=2").then().statusCode(200).extract().asString();
        assertTrue(second.contains("href=\"/staff/collectors/t-file-pass?page=1\" rel=\"prev\""));
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (String html : new String[] {first, second}) {
            Matcher m = run.matcher(html);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        String newest40 = Api.string(db, "SELECT string_agg(id::text, ',' ORDER BY collected_at DESC, id DESC) FROM (SELECT id, collected_at"
                + " FROM collector_run WHERE collector_id = 't-file-pass' ORDER BY collected_at DESC, id DESC LIMIT 40) r");
        assertEquals(newest40, String.join(",", ids.stream().map(String::valueOf).toList()), "newest first, each run once");
        page(auditor).get("/staff/collectors/t-file-pass?page=0").then().statusCode(400);
    }

    @Test
    void runNowRecordsARunAndSaysSo() {
        ConsoleSignIn.Session compliance = ConsoleSignIn.session("compliance");
        long runs = Api.count(db, "SELECT count(*) FROM collector_run WHERE collector_id = 't-cmd-true'");
        String location = form(compliance).post("/staff/collectors/t-cmd-true/run").then().statusCode(303).extract().header("Location");
        Matcher m = Pattern.compile("/staff/collectors/t-cmd-true\\?notice=ran&run=(\\d+)$").matcher(location);
        assertTrue(m.find(), location);
        assertEquals(runs + 1, Api.count(db, "SELECT count(*) FROM collector_run WHERE collector_id = 't-cmd-true'"));
        assertEquals("manual", Api.string(db, "SELECT origin || ' ' || triggered_by FROM collector_run WHERE id = " + m.group(1)).split(" ")[0]);
        page(compliance).get(location).then().statusCode(200).body(containsString("Run " + m.group(1) + " recorded: pass"));

        form(ConsoleSignIn.session("auditor")).post("/staff/collectors/t-cmd-true/run").then().statusCode(403)
                .contentType(containsString("text/html"));
        assertEquals(runs + 1, Api.count(db, "SELECT count(*) FROM collector_run WHERE collector_id = 't-cmd-true'"));
    }

    @Test
    void theUploadFormStoresTheFileOrComesBackWithTheFieldMarked() {
        ConsoleSignIn.Session compliance = ConsoleSignIn.session("compliance");
        byte[] pdf = "%PDF-1.7 console upload".getBytes(StandardCharsets.UTF_8);
        long uploads = Api.count(db, "SELECT count(*) FROM manual_upload");
        long runs = Api.count(db, "SELECT count(*) FROM collector_run");

        Response refused = multipart(compliance).multiPart("file", "nda.pdf", pdf, "application/pdf").multiPart("expires_at", "2020-01-01")
                .multiPart("note", "Signed NDAs, Q4").post("/staff/collectors/t-manual/uploads");
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("aria-describedby=\"expires_at-error\"") && html.contains("must be in the future"), html);
        assertTrue(html.contains("value=\"2020-01-01\"") && html.contains(">Signed NDAs, Q4</textarea>"), "input kept");
        multipart(compliance).multiPart("expires_at", CollectorUploadApiTest.inDays(5)).post("/staff/collectors/t-manual/uploads").then()
                .statusCode(400).body(containsString("aria-describedby=\"file-error\""));
        multipart(compliance).multiPart("file", "big.bin", new byte[600 * 1024], "application/octet-stream")
                .multiPart("expires_at", CollectorUploadApiTest.inDays(5)).post("/staff/collectors/t-manual/uploads").then()
                .statusCode(413).contentType(containsString("text/html")).body(containsString("the limit is 524288"));
        multipart(ConsoleSignIn.session("auditor")).multiPart("file", "nda.pdf", pdf, "application/pdf")
                .multiPart("expires_at", CollectorUploadApiTest.inDays(5)).post("/staff/collectors/t-manual/uploads").then().statusCode(403)
                .contentType(containsString("text/html"));
        assertEquals(uploads, Api.count(db, "SELECT count(*) FROM manual_upload"));
        assertEquals(runs, Api.count(db, "SELECT count(*) FROM collector_run"));

        String location = multipart(compliance).multiPart("file", "nda.pdf", pdf, "application/pdf")
                .multiPart("expires_at", CollectorUploadApiTest.inDays(5)).multiPart("note", "Signed NDAs, Q4")
                .post("/staff/collectors/t-manual/uploads").then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/staff/collectors/t-manual?notice=uploaded&run="), location);
        assertEquals(uploads + 1, Api.count(db, "SELECT count(*) FROM manual_upload"));
        assertEquals(Codec.toHex(Hashes.sha256(pdf)), Api.string(db, "SELECT encode(sha256, 'hex') FROM manual_upload ORDER BY id DESC LIMIT 1"));
        page(compliance).get(location).then().statusCode(200).body(containsString("File uploaded. Run "), containsString("recorded: pass"),
                containsString(">nda.pdf</a>"));
    }

    @Test
    void anAdminCreatesAPushTokenSeenOnceAndRevokesIt() {
        ConsoleSignIn.Session admin = ConsoleSignIn.session("admin");
        long tokens = Api.count(db, "SELECT count(*) FROM collector_token");
        form(admin).formParam("label", " ").post("/staff/collectors/t-pushed/tokens").then().statusCode(400)
                .body(containsString("aria-describedby=\"label-error\""));
        form(admin).formParam("label", "ci").formParam("expires_in_days", "soon").post("/staff/collectors/t-pushed/tokens").then()
                .statusCode(400).body(containsString("aria-describedby=\"expires_in_days-error\""), containsString("value=\"soon\""));
        form(admin).formParam("label", "ci").formParam("expires_in_days", "400").post("/staff/collectors/t-pushed/tokens").then()
                .statusCode(400).body(containsString("must be at most 365"));
        form(ConsoleSignIn.session("compliance")).formParam("label", "ci").post("/staff/collectors/t-pushed/tokens").then().statusCode(403);
        form(admin).formParam("label", "ci").post("/staff/collectors/t-manual/tokens").then().statusCode(409)
                .contentType(containsString("text/html"));
        assertEquals(tokens, Api.count(db, "SELECT count(*) FROM collector_token"));

        Response created = form(admin).formParam("label", "ci-main pipeline").formParam("expires_in_days", "30")
                .post("/staff/collectors/t-pushed/tokens");
        assertEquals(200, created.statusCode());
        assertEquals("no-store", created.header("Cache-Control"));
        Matcher secret = Pattern.compile("(tlc_[A-Za-z0-9_-]{43})").matcher(created.asString());
        assertTrue(secret.find(), "the secret is on the page");
        String tokenId = Api.string(db, "SELECT id FROM collector_token WHERE token_sha256 = decode('"
                + Codec.toHex(Hashes.sha256(secret.group(1).getBytes(StandardCharsets.US_ASCII))) + "', 'hex')");
        assertNotNull(tokenId);
        assertTrue(created.asString().contains("Token " + tokenId + " created."));
        String again = page(admin).get("/staff/collectors/t-pushed").then().statusCode(200).extract().asString();
        assertFalse(again.contains(secret.group(1)), "shown once");
        assertTrue(again.contains(tokenId + ": ci-main pipeline"));
        given().header("Authorization", "Bearer " + secret.group(1)).contentType(ContentType.JSON)
                .body(Map.of("status", "pass", "summary", "pushed with a console token")).post("/api/v1/evidence/t-pushed").then().statusCode(201);

        form(ConsoleSignIn.session("compliance")).post("/staff/collectors/t-pushed/tokens/" + tokenId + "/revoke").then().statusCode(403);
        form(admin).post("/staff/collectors/t-pushed/tokens/999999999/revoke").then().statusCode(404).contentType(containsString("text/html"));
        assertEquals("", Api.string(db, "SELECT coalesce(revoked_by, '') FROM collector_token WHERE id = " + tokenId));
        form(admin).post("/staff/collectors/t-pushed/tokens/" + tokenId + "/revoke").then().statusCode(303)
                .header("Location", containsString("/staff/collectors/t-pushed?notice=revoked&token=" + tokenId));
        assertEquals("admin", Api.string(db, "SELECT revoked_by FROM collector_token WHERE id = " + tokenId));
        given().header("Authorization", "Bearer " + secret.group(1)).contentType(ContentType.JSON)
                .body(Map.of("status", "pass", "summary", "after revocation")).post("/api/v1/evidence/t-pushed").then().statusCode(401);
    }

    @Test
    void everyCollectorPageIsValidHtmlWithDataAndInItsErrorStates() throws Exception {
        ConsoleSignIn.Session admin = ConsoleSignIn.session("admin");
        byte[] pdf = "%PDF-1.7 html check".getBytes(StandardCharsets.UTF_8);
        multipart(admin).multiPart("file", "bcp-test.pdf", pdf, "application/pdf").multiPart("expires_at", CollectorUploadApiTest.inDays(9))
                .multiPart("note", "Tabletop exercise <b>report</b>").post("/staff/collectors/t-manual/uploads").then().statusCode(303);
        form(admin).formParam("label", "html check").post("/staff/collectors/t-pushed/tokens").then().statusCode(200);
        String runId = Api.run("t-manual").then().statusCode(200).extract().path("id").toString();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("collectors-list", page(admin).get("/staff/collectors").asString());
        pages.put("collectors-list-refused", page(admin).get("/staff/collectors?type=nope&framework=nist").asString());
        pages.put("collector-manual", page(admin).get("/staff/collectors/t-manual").asString());
        pages.put("collector-manual-refused", multipart(admin).multiPart("file", "a.pdf", pdf, "application/pdf")
                .multiPart("expires_at", "someday").multiPart("note", "n".repeat(1001)).post("/staff/collectors/t-manual/uploads").asString());
        pages.put("collector-pushed-issued", form(admin).formParam("label", "second").post("/staff/collectors/t-pushed/tokens").asString());
        pages.put("collector-pushed-refused", form(admin).formParam("label", "x").formParam("expires_in_days", "0")
                .post("/staff/collectors/t-pushed/tokens").asString());
        pages.put("collector-auditor", page(ConsoleSignIn.session("auditor")).get("/staff/collectors/t-pushed").asString());
        pages.put("collector-run", page(admin).get("/staff/collectors/t-manual/runs/" + runId).asString());
        assertTrue(pages.get("collector-manual").contains("Tabletop exercise &lt;b&gt;report&lt;/b&gt;"), "user text is escaped");
        assertTrue(pages.get("collector-run").contains("Audit path") || pages.get("collector-run").contains("this entry is the whole tree"));
        assertFalse(pages.get("collector-auditor").contains("Create token"), "tokens are for admins");
        WebCheck.validHtml(pages);
    }
}
