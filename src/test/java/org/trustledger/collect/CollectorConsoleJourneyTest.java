package org.trustledger.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.console.ConsoleSignIn;

/**
 * Journeys through the collector pages in headless Chromium: a compliance officer uploads a file for a manual collector
 * and sees its gap close, runs a collector from its page; an admin creates a push token and revokes it. Each page is
 * checked with axe, with its data and in a refused form's state.
 */
@QuarkusTest
class CollectorConsoleJourneyTest {

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource db;

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

    /** Console errors and CSP reports, except the 4xx status of the refused form posts these journeys make on purpose. */
    static List<String> problems() {
        return Chromium.consoleProblems(driver).stream()
                .filter(m -> !m.matches("(?s).* - Failed to load resource: the server responded with a status of (400|413|422) .*")).toList();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private static String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private static void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void aComplianceOfficerUploadsAFileAndSeesTheGapClose() throws Exception {
        Api.exec(db, "DELETE FROM manual_upload WHERE collector_id = 't-manual'");
        Api.run("t-manual").then().statusCode(200);
        long gap = Long.parseLong(Api.string(db, "SELECT id FROM gap WHERE source = 't-manual' AND status = 'open'"));
        Path file = Files.createTempFile("training-records", ".pdf");
        Files.writeString(file, "%PDF-1.7 training completion, all staff", StandardCharsets.UTF_8);

        ConsoleSignIn.browser(driver, base, "compliance");
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff"));
        open("/staff/collectors?type=nope&status=maybe");
        assertTrue(driver.findElement(By.id("type-error")).isDisplayed());
        WebCheck.accessible(driver, "collector list, refused filter");
        open("/staff/collectors?type=manual");
        WebCheck.accessible(driver, "collector list");
        driver.findElement(By.linkText("t-manual")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff/collectors/t-manual"));
        assertTrue(main().contains("Gap " + gap + " open"), main());
        WebCheck.accessible(driver, "manual collector");

        // A past expiry is refused: the page comes back with the field marked and the note kept.
        driver.findElement(By.id("file")).sendKeys(file.toString());
        type("expires_at", "2020-01-01");
        type("note", "Annual training export");
        driver.findElement(By.cssSelector("form[action$='/uploads'] button[type=submit]")).click();
        waiting().until(d -> !d.findElements(By.id("expires_at-error")).isEmpty());
        assertEquals("must be in the future", driver.findElement(By.id("expires_at-error")).getText());
        assertEquals("Annual training export", driver.findElement(By.id("note")).getAttribute("value"));
        WebCheck.accessible(driver, "manual collector, refused upload");
        assertEquals(0, Api.count(db, "SELECT count(*) FROM manual_upload WHERE collector_id = 't-manual'"));

        driver.findElement(By.id("file")).sendKeys(file.toString());
        type("expires_at", CollectorUploadApiTest.inDays(20));
        driver.findElement(By.cssSelector("form[action$='/uploads'] button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("notice=uploaded"));
        String page = main();
        assertTrue(page.contains("File uploaded. Run ") && page.contains("recorded: pass"), page);
        assertTrue(page.contains("Gap " + gap + " closed"), page);
        assertTrue(page.contains(file.getFileName().toString()), "the upload is listed");
        driver.findElement(By.linkText("Gap " + gap)).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff/gaps/" + gap));
        assertTrue(main().contains("closed by passing run"), main());
        assertEquals(List.of(), problems());
        Files.delete(file);
    }

    @Test
    void aComplianceOfficerRunsACollectorFromItsPage() throws Exception {
        ConsoleSignIn.browser(driver, base, "compliance");
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff"));
        open("/staff/collectors/t-cmd-true");
        long before = Api.count(db, "SELECT count(*) FROM collector_run WHERE collector_id = 't-cmd-true'");
        driver.findElement(By.xpath("//button[normalize-space()='Run now']")).click();
        waiting().until(d -> d.getCurrentUrl().contains("notice=ran"));
        assertEquals(before + 1, Api.count(db, "SELECT count(*) FROM collector_run WHERE collector_id = 't-cmd-true'"));
        Matcher m = Pattern.compile("Run (\\d+) recorded: pass").matcher(driver.findElement(By.cssSelector(".notice")).getText());
        assertTrue(m.find());
        WebCheck.accessible(driver, "collector after run now");
        driver.findElement(By.linkText("Run " + m.group(1))).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/runs/" + m.group(1)));
        assertTrue(main().contains("Evidence in the ledger") && main().contains("Root hash"), main());
        WebCheck.accessible(driver, "run with its inclusion proof");
        assertEquals(List.of(), problems());
    }

    @Test
    void anAdminCreatesAPushTokenAndRevokesIt() throws Exception {
        ConsoleSignIn.browser(driver, base, "admin");
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff"));
        open("/staff/collectors/t-pushed");
        WebCheck.accessible(driver, "pushed collector");

        type("label", "release pipeline");
        type("expires_in_days", "400");
        driver.findElement(By.xpath("//button[normalize-space()='Create token']")).click();
        waiting().until(d -> !d.findElements(By.id("expires_in_days-error")).isEmpty());
        assertEquals("release pipeline", driver.findElement(By.id("label")).getAttribute("value"));
        WebCheck.accessible(driver, "pushed collector, refused token");

        type("expires_in_days", "30");
        driver.findElement(By.xpath("//button[normalize-space()='Create token']")).click();
        waiting().until(d -> !d.findElements(By.id("issued-secret")).isEmpty());
        // The optional script shows the copy button; without it the token is still there to select.
        WebElement copy = driver.findElement(By.cssSelector("button[data-copy-target=issued-secret]"));
        waiting().until(d -> copy.isDisplayed());
        WebCheck.accessible(driver, "pushed collector, new token shown once");
        // accessible() reloads the page, which posts the form again: the token on the page now is the last one created.
        String secret = driver.findElement(By.id("issued-secret")).getText();
        Matcher created = Pattern.compile("Token (\\d+) created\\.").matcher(driver.findElement(By.cssSelector(".notice")).getText());
        assertTrue(created.find());
        String tokenId = created.group(1);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(Map.of("status", "pass", "summary", "release checks green")).post("/api/v1/evidence/t-pushed").then().statusCode(201);

        driver.findElement(By.cssSelector("button[aria-label^='Revoke token " + tokenId + " ']")).click();
        waiting().until(d -> d.getCurrentUrl().contains("notice=revoked"));
        assertTrue(main().contains("Token " + tokenId + " revoked."), main());
        assertTrue(driver.findElements(By.cssSelector("button[aria-label^='Revoke token " + tokenId + " ']")).isEmpty());
        assertNotNull(Api.string(db, "SELECT revoked_at FROM collector_token WHERE id = " + tokenId));
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(Map.of("status", "pass", "summary", "after revocation")).post("/api/v1/evidence/t-pushed").then().statusCode(401);
        assertTrue(driver.getPageSource().contains(tokenId + ": release pipeline"));
        assertEquals(List.of(), problems());
    }
}
