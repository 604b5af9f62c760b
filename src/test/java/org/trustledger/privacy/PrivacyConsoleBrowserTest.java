package org.trustledger.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.console.ConsoleSignIn;

/**
 * The privacy console in Chromium: a privacy officer extends and completes a request filed through the public form, and
 * every privacy page, with realistic data and with a refused form, passes the Nu Html Checker and axe-core.
 */
@QuarkusTest
class PrivacyConsoleBrowserTest {

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

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

    private void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    private void await(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains(text));
    }

    private void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    /**
     * Fills a form by field name and submits it with its (first, or given) button, skipping the browser's own checks so
     * the server's refusal can be seen: radio groups take their value too.
     */
    private void submit(String form, String button, String... fields) {
        StringBuilder js = new StringBuilder("const f = document.querySelector(arguments[0]); f.noValidate = true;");
        for (int i = 0; i < fields.length; i += 2) {
            js.append("f.elements['").append(fields[i]).append("'].value = arguments[").append(i / 2 + 2).append("];");
        }
        Object[] args = new Object[fields.length / 2 + 2];
        args[0] = form;
        args[1] = button;
        for (int i = 1; i < fields.length; i += 2) {
            args[i / 2 + 2] = fields[i];
        }
        js.append("(arguments[1] ? f.querySelector(arguments[1]) : f.querySelector('button[type=submit]')).click();");
        ((JavascriptExecutor) driver).executeScript(js.toString(), args);
    }

    @Test
    void aPrivacyOfficerExtendsAndCompletesARequestFiledThroughThePublicForm() throws Exception {
        String email = "journey-" + System.nanoTime() + "@example.org";
        driver.manage().deleteAllCookies();
        open("/privacy/request");
        driver.findElement(By.id("email")).sendKeys(email);
        new Select(driver.findElement(By.id("jurisdiction"))).selectByValue("EU_GDPR");
        new Select(driver.findElement(By.id("request_type"))).selectByValue("erasure");
        driver.findElement(By.id("details")).sendKeys("Please erase my account and newsletter data.");
        click("form button[type=submit]");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/privacy/status/"));

        ConsoleSignIn.browser(driver, base, "privacy");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        click("a[href='/staff/privacy/requests']");
        await("Find a requester's cases");
        driver.findElement(By.id("email")).sendKeys(email);
        click("form[action='/staff/privacy/requests/search'] button");
        await("Cases of this requester");
        driver.findElement(By.partialLinkText("Case ")).click();
        await("Erase my data");
        String caseUrl = driver.getCurrentUrl();
        long id = Long.parseLong(caseUrl.replaceAll(".*/requests/(\\d+).*", "$1"));
        assertTrue(driver.findElement(By.cssSelector(".facts")).getText().contains("Please erase my account and newsletter data."));

        driver.findElement(By.id("reason")).sendKeys("Data held in three systems; the requester is told today.");
        click("form[action$='/extend'] button");
        await("Deadline extended.");
        assertTrue(driver.findElement(By.cssSelector(".facts")).getText().contains("Original deadline"));
        click("button[value=verifying]");
        await("Status changed to verifying identity.");
        click("button[value=in_progress]");
        await("Status changed to in progress.");
        driver.findElement(By.id("note")).sendKeys("Erased from the CRM and the newsletter tool.");
        click("button[value=completed]");
        await("Status changed to completed.");

        String history = driver.findElement(By.cssSelector("table")).getText();
        assertTrue(history.contains("Request received") && history.contains("Deadline extended") && history.contains("Status: Received → Verifying identity")
                && history.contains("Status: In progress → Completed") && history.contains("Erased from the CRM and the newsletter tool."), history);
        Object[] row = (Object[]) em.createNativeQuery("SELECT status, extended_until FROM dsr_case WHERE id = ?1").setParameter(1, id).getSingleResult();
        assertEquals("completed", row[0]);
        assertNotNull(row[1]);
        assertEquals(List.of(), Chromium.consoleProblems(driver));
    }

    @Test
    void everyPrivacyPageIsValidAndAccessibleWithDataAndWithARefusedForm() throws Exception {
        ConsoleSignIn.Session privacy = ConsoleSignIn.session("privacy");
        long overdue = Dsr.caseId(em, Dsr.submit("a11y-late@example.org", "access", "UK_GDPR"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE dsr_case SET received_at = now() - interval '40 days', due_at = now() - interval '9 days' WHERE id = ?1")
                .setParameter(1, overdue).executeUpdate());
        long caseId = Dsr.caseId(em, Dsr.submit("a11y@example.org", "rectification", "EU_GDPR"));
        long breach = BreachPagesTest.record(privacy, "Credentials in a public repository", Duration.ofHours(80));
        long consent = RegisterPagesTest.consent(privacy, "a11y-" + System.nanoTime());
        long dpia = RegisterPagesTest.dpia(privacy, "Product analytics with behavioural scoring");
        long notice = RegisterPagesTest.notice(privacy, Duration.ofDays(20));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).toString();
        try {
            // Served HTML for the Nu Html Checker: every page, and every form refused.
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("requests", ok(Console.get(privacy, "/staff/privacy/requests")));
            pages.put("requests-search", ok(Console.post(privacy, "/staff/privacy/requests/search", "email", "a11y@example.org")));
            pages.put("requests-search-error", refused(Console.post(privacy, "/staff/privacy/requests/search", "email", "not an address")));
            pages.put("request", ok(Console.get(privacy, "/staff/privacy/requests/" + caseId)));
            pages.put("request-error", refused(Console.post(privacy, "/staff/privacy/requests/" + caseId + "/transition", "to", "rejected", "note", "")));
            pages.put("breaches", ok(Console.get(privacy, "/staff/privacy/breaches")));
            pages.put("breach-new", ok(Console.get(privacy, "/staff/privacy/breaches/new")));
            pages.put("breach-new-error", refused(Console.post(privacy, "/staff/privacy/breaches", "title", "", "aware_at", "soon")));
            pages.put("breach", ok(Console.get(privacy, "/staff/privacy/breaches/" + breach)));
            pages.put("breach-error", refused(Console.post(privacy, "/staff/privacy/breaches/" + breach + "/notifications", "party", "authority")));
            pages.put("breach-edit", ok(Console.get(privacy, "/staff/privacy/breaches/" + breach + "/edit")));
            pages.put("registers", ok(Console.get(privacy, "/staff/privacy/registers")));
            pages.put("consents", ok(Console.get(privacy, "/staff/privacy/registers/consents")));
            pages.put("consent-new", ok(Console.get(privacy, "/staff/privacy/registers/consents/new")));
            pages.put("consent-new-error", refused(Console.post(privacy, "/staff/privacy/registers/consents", "purpose_id", "Bad Id")));
            pages.put("consent", ok(Console.get(privacy, "/staff/privacy/registers/consents/" + consent)));
            pages.put("consent-error", refused(Console.post(privacy, "/staff/privacy/registers/consents/" + consent, "purpose_id", "x", "description", "")));
            pages.put("dpias", ok(Console.get(privacy, "/staff/privacy/registers/dpias")));
            pages.put("dpia-new", ok(Console.get(privacy, "/staff/privacy/registers/dpias/new")));
            pages.put("dpia-new-error", refused(Console.post(privacy, "/staff/privacy/registers/dpias", "title", "", "triggers", "large_scale")));
            pages.put("dpia", ok(Console.get(privacy, "/staff/privacy/registers/dpias/" + dpia)));
            pages.put("dpia-error", refused(Console.post(privacy, "/staff/privacy/registers/dpias/" + dpia + "/approve", "next_review", tomorrow)));
            pages.put("notices", ok(Console.get(privacy, "/staff/privacy/registers/notices")));
            pages.put("notice-new", ok(Console.get(privacy, "/staff/privacy/registers/notices/new")));
            pages.put("notice-new-error", refused(Console.post(privacy, "/staff/privacy/registers/notices", "url", "http://x.example")));
            pages.put("notice", ok(Console.get(privacy, "/staff/privacy/registers/notices/" + notice)));
            pages.put("notice-error", refused(Console.post(privacy, "/staff/privacy/registers/notices/" + notice + "/retract", "reason", "")));
            WebCheck.validHtml(pages);

            // axe-core in Chromium at both widths: every page, then each form refused by the server.
            ConsoleSignIn.browser(driver, base, "privacy");
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
            for (String path : List.of("/staff/privacy/requests", "/staff/privacy/requests/" + caseId, "/staff/privacy/breaches",
                    "/staff/privacy/breaches/new", "/staff/privacy/breaches/" + breach, "/staff/privacy/breaches/" + breach + "/edit",
                    "/staff/privacy/registers", "/staff/privacy/registers/consents", "/staff/privacy/registers/consents/new",
                    "/staff/privacy/registers/consents/" + consent, "/staff/privacy/registers/dpias", "/staff/privacy/registers/dpias/new",
                    "/staff/privacy/registers/dpias/" + dpia, "/staff/privacy/registers/notices", "/staff/privacy/registers/notices/new",
                    "/staff/privacy/registers/notices/" + notice)) {
                open(path);
                WebCheck.accessible(driver, path);
            }
            open("/staff/privacy/requests");
            submit("form[action='/staff/privacy/requests/search']", null, "email", "not an address");
            refusedIn("requests search");
            open("/staff/privacy/requests/" + caseId);
            submit("form[action$='/transition']", "button[value=rejected]", "note", "");
            refusedIn("request");
            open("/staff/privacy/breaches/new");
            submit("form[action='/staff/privacy/breaches']", null, "title", "", "aware_at", "2999-01-01T00:00", "personal_data_affected", "true",
                    "our_role", "controller");
            refusedIn("new breach");
            open("/staff/privacy/breaches/" + breach);
            submit("form[action$='/notifications']", null, "party", "authority");
            refusedIn("breach");
            open("/staff/privacy/breaches/" + breach + "/edit");
            submit("form[action='/staff/privacy/breaches/" + breach + "']", null, "title", " ");
            refusedIn("breach edit");
            open("/staff/privacy/registers/consents/new");
            submit("form[action='/staff/privacy/registers/consents']", null, "purpose_id", "Bad Id");
            refusedIn("new consent");
            open("/staff/privacy/registers/consents/" + consent);
            submit("form[action='/staff/privacy/registers/consents/" + consent + "']", null, "collected_via", "");
            refusedIn("consent revision");
            open("/staff/privacy/registers/dpias/new");
            submit("form[action='/staff/privacy/registers/dpias']", null, "title", "");
            refusedIn("new DPIA");
            open("/staff/privacy/registers/dpias/" + dpia);
            submit("form[action$='/approve']", null, "next_review", tomorrow);
            refusedIn("DPIA approval");
            open("/staff/privacy/registers/notices/new");
            submit("form[action='/staff/privacy/registers/notices']", null, "url", "http://x.example");
            refusedIn("new notice");
            open("/staff/privacy/registers/notices/" + notice);
            submit("form[action$='/retract']", null, "reason", " ");
            refusedIn("notice retraction");
            // The refused forms' own 400/409/422 answers are logged as failed loads; anything else (a CSP report, a
            // script error) is a problem.
            assertEquals(List.of(), Chromium.consoleProblems(driver).stream()
                    .filter(m -> !m.matches(".*Failed to load resource: the server responded with a status of (400|409|422) .*")).toList());
        } finally {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE dsr_case SET status = 'completed' WHERE id = ?1").setParameter(1, overdue).executeUpdate());
        }
    }

    /** The page the browser shows after a refused form: its problem summary, then axe at both widths. */
    private void refusedIn(String label) throws Exception {
        await("class=\"form-problem\"");
        assertTrue(!driver.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty() || driver.getPageSource().contains("class=\"error\""), label);
        WebCheck.accessible(driver, label + " (refused form)");
    }

    private static String ok(Response r) {
        return r.then().statusCode(200).extract().asString();
    }

    private static String refused(Response r) {
        int status = r.statusCode();
        assertTrue(status == 400 || status == 409 || status == 422, "a refused form, got " + status);
        String html = r.asString();
        assertTrue(html.contains("class=\"form-problem\""), html);
        return html;
    }
}
