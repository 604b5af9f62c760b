package org.trustledger.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.common.Role;
import org.trustledger.console.ConsoleSignIn;
import org.trustledger.ledger.GovernanceChain;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.tlog.Hashes;

/**
 * {@code /staff/reports}: "render now" for RoPA, TIAs and SoAs keeps each rendering with its hash and author, bad input shows
 * the page again with the field marked and renders nothing, auditors read but do not render, and each rendering is a page,
 * the document (styled under the CSP nonce) and the recorded bytes.
 */
@QuarkusTest
class ReportsPagesTest {

    private static ChromeDriver driver;

    @Inject
    ReportStore store;

    @Inject
    GovernanceLog governance;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        driver = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Response render(ConsoleSignIn.Session s, Map<String, String> fields) {
        var spec = given().cookie("tl_session", s.cookie()).cookie("csrf-token", s.csrf()).accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrf());
        for (var f : fields.entrySet()) {
            spec = spec.formParam(f.getKey(), f.getValue());
        }
        return spec.post("/staff/reports");
    }

    private Report newest() {
        return store.page(0, 1).get(0);
    }

    @Test
    void renderNowKeepsEachKindWithItsHashAndAuthor() {
        ConsoleSignIn.Session privacy = ConsoleSignIn.session(Role.PRIVACY);
        Response ropa = render(privacy, Map.of("kind", "ropa"));
        assertEquals(303, ropa.statusCode(), ropa.asString());
        assertTrue(ropa.header("Location").endsWith("/staff/reports?rendered=1"), ropa.header("Location"));
        Report r = newest();
        assertEquals("ropa", r.kind());
        assertEquals("test-privacy", r.generatedBy());

        Response tias = render(privacy, Map.of("kind", "tia", "vendor", ""));
        assertEquals(303, tias.statusCode(), tias.asString());
        assertTrue(tias.header("Location").matches(".*/staff/reports\\?rendered=[1-9][0-9]*"), tias.header("Location"));
        assertEquals("tia", newest().kind());

        ConsoleSignIn.Session compliance = ConsoleSignIn.session(Role.COMPLIANCE);
        long eventsBefore = governance.head().size();
        Response soa = render(compliance, Map.of("kind", "soa", "framework", "iso27001"));
        assertEquals(303, soa.statusCode(), soa.asString());
        Report s = newest();
        assertEquals("soa", s.kind());
        assertEquals("iso27001", s.subject());
        assertEquals("test-compliance", s.generatedBy());
        GovernanceChain.Event event = governance.list(eventsBefore - 1, 10).stream().filter(e -> e.kind().equals(GovernanceLog.REPORT_RENDERED))
                .findFirst().orElseThrow();
        assertEquals("report:" + s.id(), event.subject());
        assertEquals("test-compliance", event.actor());

        String list = given().cookie("tl_session", compliance.cookie()).get("/staff/reports?rendered=1").then().statusCode(200).extract().asString();
        assertTrue(list.contains("Rendered 1 report.") && list.contains("Statement of Applicability") && list.contains(s.sha256())
                && list.contains("Record of processing activities") && list.contains("Transfer impact assessment"), list);
    }

    @Test
    void badInputShowsThePageWithTheFieldMarkedAndRendersNothing() {
        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        record Case(Map<String, String> fields, int status, String marked, String says) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("kind", "soa", "framework", "nist"), 400, "framework", "must be one of iso27001, soc2, gdpr"),
                new Case(Map.of("kind", "soa"), 400, "framework", "is required"),
                new Case(Map.of("kind", "tia", "vendor", "no-such-vendor"), 422, "vendor", "No vendor with this id"),
                new Case(Map.of("kind", "dpia"), 400, null, "The report kind must be ropa, tia or soa"));
        for (Case c : cases) {
            Optional<Report> before = store.page(0, 1).stream().findFirst();
            Response r = render(admin, c.fields());
            assertEquals(c.status(), r.statusCode(), c + ": " + r.asString());
            String html = r.asString();
            assertTrue(html.contains(c.says()), c + " says " + c.says());
            if (c.marked() != null) {
                assertTrue(html.contains("aria-describedby=\"" + c.marked() + "-error\""), c.marked() + " marked for " + c);
            }
            assertEquals(before.map(Report::id), store.page(0, 1).stream().findFirst().map(Report::id), "nothing rendered for " + c);
        }
    }

    @Test
    void auditorsReadButDoNotRender() {
        ConsoleSignIn.Session auditor = ConsoleSignIn.session(Role.AUDITOR);
        Optional<Long> before = store.page(0, 1).stream().findFirst().map(Report::id);
        Response r = render(auditor, Map.of("kind", "ropa"));
        assertEquals(403, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"));
        assertEquals(before, store.page(0, 1).stream().findFirst().map(Report::id));
        String page = given().cookie("tl_session", auditor.cookie()).get("/staff/reports").then().statusCode(200).extract().asString();
        assertTrue(!page.contains("Render now") && !page.contains("action=\"/staff/reports\""), "no render forms for auditors");
    }

    @Test
    void eachRenderingIsAPageTheStyledDocumentAndTheRecordedBytes() {
        ConsoleSignIn.Session compliance = ConsoleSignIn.session(Role.COMPLIANCE);
        assertEquals(303, render(compliance, Map.of("kind", "soa", "framework", "soc2")).statusCode());
        Report s = newest();
        ConsoleSignIn.Session auditor = ConsoleSignIn.session(Role.AUDITOR);
        given().cookie("tl_session", auditor.cookie()).get("/staff/reports/" + s.id()).then().statusCode(200)
                .body(containsString(s.sha256()), containsString("Control status"), containsString("test-compliance"));

        Response doc = given().cookie("tl_session", auditor.cookie()).get("/staff/reports/" + s.id() + "/document");
        doc.then().statusCode(200).contentType(containsString("text/html"));
        Matcher nonce = Pattern.compile("<style nonce=\"([^\"]+)\">").matcher(doc.asString());
        assertTrue(nonce.find(), "the document's styles carry the nonce");
        assertTrue(doc.header("Content-Security-Policy").contains("'nonce-" + nonce.group(1) + "'"), doc.header("Content-Security-Policy"));

        Response download = given().cookie("tl_session", auditor.cookie()).get("/staff/reports/" + s.id() + "/download");
        download.then().statusCode(200).header("Content-Disposition", containsString("attachment; filename=\"soa-soc2-"));
        byte[] bytes = download.asByteArray();
        assertEquals(s.sha256(), HexFormat.of().formatHex(Hashes.sha256(bytes)), "the download is the recorded bytes");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("<style>"), "served unchanged");

        for (String bad : List.of("/staff/reports/999999999", "/staff/reports/abc", "/staff/reports/999999999/download")) {
            given().cookie("tl_session", auditor.cookie()).accept("text/html").get(bad).then().statusCode(404).contentType(containsString("text/html"));
        }
    }

    @Test
    void everyReportPageIsValidAndAccessible() throws Exception {
        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        assertEquals(303, render(admin, Map.of("kind", "ropa")).statusCode());
        long ropa = newest().id();
        assertEquals(303, render(admin, Map.of("kind", "tia")).statusCode());
        assertEquals(303, render(admin, Map.of("kind", "soa", "framework", "iso27001")).statusCode());
        long soa = newest().id();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("reports-list", given().cookie("tl_session", admin.cookie()).get("/staff/reports?rendered=3").then().statusCode(200).extract().asString());
        pages.put("reports-list-errors", render(admin, Map.of("kind", "soa", "framework", "nist")).then().statusCode(400).extract().asString());
        pages.put("reports-list-vendor-error", render(admin, Map.of("kind", "tia", "vendor", "aws")).then().statusCode(422).extract().asString());
        pages.put("report-ropa", given().cookie("tl_session", admin.cookie()).get("/staff/reports/" + ropa).then().statusCode(200).extract().asString());
        pages.put("report-soa", given().cookie("tl_session", admin.cookie()).get("/staff/reports/" + soa).then().statusCode(200).extract().asString());
        WebCheck.validHtml(pages);

        ConsoleSignIn.browser(driver, base, Role.ADMIN);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        Chromium.consoleProblems(driver); // what earlier tests left in the shared browser\'s log
        driver.findElement(By.linkText("Reports")).click();
        WebCheck.accessible(driver, "reports list");
        // A vendor that needs no TIA, as a tampered form would send it: the page comes back with the field marked.
        driver.executeScript("const s = document.getElementById('vendor'); const o = document.createElement('option');"
                + "o.value = 'aws'; o.text = 'AWS'; s.add(o); s.value = 'aws';");
        driver.findElement(By.id("vendor")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty());
        WebCheck.accessible(driver, "reports list with a form error");
        List<String> problems = Chromium.consoleProblems(driver);
        assertTrue(problems.stream().allMatch(p -> p.contains("status of 422")), problems.toString());
        driver.get(base + "staff/reports/" + soa);
        WebCheck.accessible(driver, "report page");
        driver.findElement(By.linkText("View the document")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/document"));
        assertEquals(List.of(), Chromium.consoleProblems(driver), "the document's styles load under the CSP");
    }
}
