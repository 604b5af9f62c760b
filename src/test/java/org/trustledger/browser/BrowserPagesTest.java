package org.trustledger.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The public pages in headless Chromium: content, no console errors or CSP violations, narrow screens, the DSR round trip. */
@QuarkusTest
class BrowserPagesTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
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

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> consoleProblems() {
        return Chromium.consoleProblems(driver);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/|Fjordlane trust center",
            "/compliance/iso27001|ISO/IEC 27001:2022 Annex A",
            "/compliance/soc2|SOC 2 Trust Services Criteria",
            "/compliance/gdpr|General Data Protection Regulation (EU) 2016/679",
            "/sub-processors|Sub-processors",
            "/advisories|Security advisories",
            "/advisories/TL-2026-001|TL-2026-001: Open redirect after sign-in in the customer web app",
            "/privacy/request|Make a privacy request",
            "/verify|Verify evidence",
            "/staff/login|Staff sign-in"})
    void pageRendersCleanly(String path, String heading) throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        open(path);
        assertEquals(heading, driver.findElement(By.tagName("h1")).getText());
        assertEquals(1, driver.findElements(By.tagName("h1")).size(), "one h1 per page");
        assertEquals("Skip to content", driver.findElement(By.cssSelector("a.skip")).getAttribute("textContent"));
        for (WebElement field : driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
            String id = field.getAttribute("id");
            assertTrue(id != null && !driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "label for " + id);
        }
        String name = path.equals("/") ? "home" : path.substring(1).replace('/', '_');
        screenshot(name);
        driver.manage().window().setSize(new Dimension(360, 800));
        open(path);
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, path + " scrolls sideways at 360 px by " + overflow + " px");
        screenshot(name + "-360");
        assertEquals(List.of(), consoleProblems(), path);
    }

    @Test
    void complianceTableShowsExclusionsWithReasons() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        open("/compliance/iso27001");
        assertEquals(93, driver.findElements(By.cssSelector("tbody tr")).size());
        String excluded = driver.findElement(By.id("ISO27001:A.7.1")).getText();
        assertTrue(excluded.contains("excluded"), excluded);
        String applicable = driver.findElement(By.id("ISO27001:A.5.1")).getText();
        assertTrue(applicable.matches("(?s).*(pass|fail|error|stale|awaiting evidence|not covered).*"), applicable);
    }

    @Test
    void dataSubjectRequestRoundTrip() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        open("/privacy/request");
        driver.findElement(By.id("email")).sendKeys("Browser.Test@Example.org");
        new Select(driver.findElement(By.id("jurisdiction"))).selectByValue("EU_GDPR");
        new Select(driver.findElement(By.id("request_type"))).selectByValue("access");
        driver.findElement(By.id("details")).sendKeys("<script>alert('x')</script> please send my data");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/privacy/status/"));
        assertEquals("Your privacy request", driver.findElement(By.tagName("h1")).getText());
        assertEquals("received", driver.findElement(By.id("status")).getText());
        assertEquals("EU GDPR", driver.findElement(By.id("jurisdiction")).getText().substring(0, 7));
        screenshot("privacy_status");
        String statusUrl = driver.getCurrentUrl();
        driver.findElement(By.linkText("this address")).click();
        assertTrue(driver.getPageSource().contains("\"status\":\"received\""), driver.getPageSource());
        driver.get(statusUrl);
        assertEquals("received", driver.findElement(By.id("status")).getText());
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void verifyPageFindsEvidenceAndExplainsTheProof() throws IOException {
        String session = org.trustledger.Staff.withRole("compliance");
        String payloadSha = io.restassured.RestAssured.given().cookie("tl_session", session).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass",
                        "summary", "Browser verify test", "payload", java.util.Map.of("note", "signed policy " + System.nanoTime())))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("payload_sha256");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        open("/verify");
        driver.findElement(By.id("sha256")).sendKeys(payloadSha);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("sha256="));
        assertEquals("Found in the log", driver.findElement(By.id("result")).getText());
        assertTrue(driver.findElement(By.tagName("pre")).getText().contains("\u2014 "), "signed note with its signature line");
        screenshot("verify_found");
        open("/verify?sha256=" + "0".repeat(64));
        assertEquals("Not in the log", driver.findElement(By.id("result")).getText());
        assertEquals(List.of(), consoleProblems());
        open("/verify?sha256=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertTrue(driver.findElement(By.cssSelector("[role=alert]")).getText().contains("64 hexadecimal"));
        assertEquals("<script>alert(1)</script>", driver.findElement(By.id("sha256")).getAttribute("value"), "echoed as a value, inert");
        // The only console line is the page's own 400 status; no script ran.
        assertTrue(consoleProblems().stream().allMatch(m -> m.contains("status of 400")));
    }

    @Test
    void keyboardReachesTheSkipLinkFirst() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        open("/");
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("Skip to content", driver.switchTo().activeElement().getText());
    }
}
