package org.trustledger.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.ledger.EvidenceLedger;
import org.trustledger.web.ReadableTime;

/**
 * The dashboard, ledger and activity pages in Chromium with data on them: valid HTML, no axe violations (error states
 * included), "verify the ledger now" from the dashboard, sealing a missed day from the ledger page. Also leaves the
 * screenshots for the docs in {@code target/console-*.png}.
 */
@QuarkusTest
@TestProfile(ConsoleDataProfile.class)
class DashboardLedgerActivityBrowserTest {

    static final Path SCREENSHOTS = Path.of("target");

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EvidenceLedger ledger;

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

    @BeforeEach
    void data() throws Exception {
        ConsoleData.ensure(ledger);
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @Test
    void servedPagesAreValidHtmlInEveryState() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String role : List.of("admin", "privacy")) {
            pages.put("dashboard-" + role, given().cookie("tl_session", ConsoleSignIn.session(role).cookie()).get("/staff").then().statusCode(200)
                    .extract().asString());
        }
        ConsoleSignIn.Session compliance = ConsoleSignIn.session("compliance");
        pages.put("ledger", given().cookie("tl_session", compliance.cookie()).get("/staff/ledger?verified=1").then().statusCode(200).extract().asString());
        pages.put("ledger-seal-refused", given().cookie("tl_session", compliance.cookie()).cookie("csrf-token", compliance.csrf())
                .formParam("csrf-token", compliance.csrf()).contentType("application/x-www-form-urlencoded")
                .post("/staff/ledger/manifests/" + LocalDate.now(ZoneOffset.UTC) + "/seal").then().statusCode(409).extract().asString());
        pages.put("activity", given().cookie("tl_session", compliance.cookie()).get("/staff/activity").then().statusCode(200).extract().asString());
        pages.put("activity-invalid", given().cookie("tl_session", compliance.cookie()).queryParam("kind", "Not a kind").queryParam("from", "2026-02-30")
                .get("/staff/activity").then().statusCode(400).extract().asString());
        WebCheck.validHtml(pages);
    }

    @Test
    void dashboardVerifyAndSealWorkInTheBrowserAndEveryPagePassesAxe() throws Exception {
        ConsoleSignIn.browser(driver, base, "admin");
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff"));
        String text = driver.findElement(By.tagName("main")).getText();
        assertTrue(text.contains("Control coverage") && text.contains("Due in the next 14 days") && text.contains("Evidence ledger"), text);
        WebCheck.accessible(driver, "dashboard");
        screenshot("console-dashboard");

        // Verify the ledger now: from the dashboard to the ledger page's result.
        driver.findElement(By.cssSelector("form.dash-verify button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/staff/ledger?verified=1"));
        String verification = driver.findElement(By.id("verification-section")).getText();
        assertTrue(verification.contains("by admin:") && verification.contains("all checks passed"), verification);
        assertEquals(7, driver.findElements(By.cssSelector("#verification-section tbody .status-pass")).size());
        WebCheck.accessible(driver, "ledger");

        // Seal the oldest missed day (the last Seal button: days are listed newest first).
        List<WebElement> seal = driver.findElements(By.cssSelector("table.ledger-days form button"));
        assertTrue(!seal.isEmpty(), "the seeded evidence leaves missed days");
        WebElement oldest = seal.get(seal.size() - 1);
        String day = oldest.findElement(By.xpath("ancestor::tr")).getAttribute("id").substring("day-".length());
        oldest.click();
        waiting().until(d -> d.getCurrentUrl().contains("sealed=" + day));
        assertTrue(driver.findElement(By.cssSelector("main .notice")).getText()
                .contains("Sealed " + ReadableTime.readable(LocalDate.parse(day))));
        assertTrue(driver.findElement(By.id("day-" + day)).getText().contains("sealed"));
        assertEquals(1, ConsoleData.count("SELECT count(*) FROM ledger_manifest WHERE day = '" + day + "'"));
        assertEquals(List.of(), Chromium.consoleProblems(driver));
        screenshot("console-ledger");

        // A refused seal (today has not ended) comes back as the ledger page with the row marked.
        ((JavascriptExecutor) driver).executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = arguments[0];
                const t = document.createElement('input');
                t.type = 'hidden';
                t.name = 'csrf-token';
                t.value = document.querySelector('input[name=csrf-token]').value;
                f.appendChild(t);
                document.body.appendChild(f);
                f.submit();
                """, "/staff/ledger/manifests/" + LocalDate.now(ZoneOffset.UTC) + "/seal");
        waiting().until(d -> d.getCurrentUrl().endsWith("/seal"));
        assertTrue(driver.findElement(By.id("seal-error")).getText().contains("has not ended yet"));
        WebCheck.accessible(driver, "ledger, seal refused");

        driver.get(url("/staff/activity?kind=ledger_verified"));
        assertTrue(driver.findElement(By.cssSelector("table.activity")).getText().contains("ledger_verified"));
        WebCheck.accessible(driver, "activity");
        screenshot("console-activity");
        driver.get(url("/staff/activity?kind=Not%20a%20kind&from=2026-02-30"));
        assertEquals("true", driver.findElement(By.id("from")).getAttribute("aria-invalid"));
        WebCheck.accessible(driver, "activity, invalid filters");
        // The error states answer 409 and 400 on purpose; nothing else may have gone wrong.
        assertEquals(List.of(), Chromium.consoleProblems(driver).stream()
                .filter(p -> !p.matches(".* - Failed to load resource: the server responded with a status of (409 \\(Conflict\\)|400 \\(Bad Request\\))"))
                .toList());

        ConsoleSignIn.browser(driver, base, "privacy");
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff"));
        WebCheck.accessible(driver, "dashboard as privacy officer");
        assertEquals(List.of(), Chromium.consoleProblems(driver));
    }

    /** The whole page at 1280 px wide, as target/{name}.png (the dashboard's is docs/img/console-dashboard.png). */
    private static void screenshot(String name) throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 20, 4000)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 900));
    }
}
