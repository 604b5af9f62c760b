package org.trustledger.export;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.common.Role;
import org.trustledger.console.ConsoleSignIn;
import org.trustledger.tlog.Hashes;

/**
 * An auditor exports an ISO 27001 package through the console form in Chromium, watches it finish, downloads it and leaves
 * it with the published key in target/export-console-it/ for {@code ExportConsoleVerifierJarIT}, which runs the verifier
 * jar on it. Also every export page (list, form errors, running, done, failed) through vnu and axe.
 */
@QuarkusTest
@TestProfile(ExportConsoleProfile.class)
class ExportConsoleJourneyTest {

    static final Path OUT = Path.of("target", "export-console-it");

    private static ChromeDriver driver;

    @Inject
    ExportWorker worker;

    @Inject
    ExportJobs jobs;

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

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void anAuditorExportsAnIso27001PackageAndDownloadsIt() throws Exception {
        // Days no other test of this profile uses, so the package holds exactly these four items.
        LocalDate[] days = ConsoleExports.nextDays(2);
        LocalDate from = days[0];
        LocalDate to = days[1];
        ConsoleExports.evidenceOn(from, 2, "journey a");
        ConsoleExports.evidenceOn(to, 2, "journey b");
        Path downloads = OUT.resolve("downloads").toAbsolutePath();
        Files.createDirectories(downloads);
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.deleteIfExists(OUT.resolve("package.zip"));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        ConsoleSignIn.browser(driver, base, Role.AUDITOR);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        Chromium.consoleProblems(driver); // what earlier tests left in the shared browser\'s log
        driver.findElement(By.linkText("Exports")).click();
        new Select(driver.findElement(By.id("framework"))).selectByValue("iso27001");
        // Date inputs take typing in the browser's locale format; the value property is the same everywhere.
        driver.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from.toString(), to.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().matches(".*/staff/exports/[0-9]+$"));

        // The page updates itself (export-progress.js) until the package is ready: no reload here.
        By link = By.partialLinkText("Download trustledger-iso27001-" + from + "-" + to + ".zip");
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> !d.findElements(link).isEmpty());
        String sha = driver.findElement(By.cssSelector("#export-status code")).getText();
        assertTrue(sha.matches("[0-9a-f]{64}"), sha);
        driver.findElement(link).click();
        Path file = downloads.resolve("trustledger-iso27001-" + from + "-" + to + ".zip");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(file.getFileName() + ".crdownload")));
        byte[] zip = Files.readAllBytes(file);
        assertEquals(sha, HexFormat.of().formatHex(Hashes.sha256(zip)), "the downloaded file is the one whose hash the page shows");
        assertEquals(List.of(), Chromium.consoleProblems(driver), "no script errors or CSP violations");

        String pem = given().get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getString("find { it.retired_at == null }.public_key_pem");
        Files.writeString(OUT.resolve("public-key.pem"), pem);
        Files.write(OUT.resolve("package.zip"), zip);
        Files.writeString(OUT.resolve("package.sha256"), sha + "\n");
    }

    @Test
    void everyExportPageIsValidAndAccessible() throws Exception {
        LocalDate day = ConsoleExports.nextDays(1)[0];
        ConsoleExports.evidenceOn(day, 1, "pages");
        ConsoleSignIn.Session compliance = ConsoleSignIn.session(Role.COMPLIANCE);
        long done = ConsoleExports.idOf(ConsoleExports.post(compliance, "soc2", day.toString(), day.toString()));
        ExportJobsWait.untilFinished(done);
        // Rows as a stopped instance and a busy one leave them; the running one's heartbeat lies ahead, so no sweep fails it
        // while the checkers look at it.
        long failed = ExportPagesTest.insertJob("running", day, Instant.now().minusSeconds(3600), null);
        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        worker.sweep();
        long running = ExportPagesTest.insertJob("running", day, Instant.now().plusSeconds(3600), null);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("exports-list", given().cookie("tl_session", admin.cookie()).get("/staff/exports").then().statusCode(200).extract().asString());
        pages.put("exports-form-errors", ConsoleExports.post(admin, "iso27001", ConsoleExports.today().toString(),
                day.minusDays(3).toString()).then().statusCode(422).extract().asString());
        pages.put("exports-form-malformed", ConsoleExports.post(admin, "nist", "2025-02-30", "").then().statusCode(400).extract().asString());
        for (long id : List.of(done, failed, running)) {
            pages.put("export-" + id, given().cookie("tl_session", admin.cookie()).get("/staff/exports/" + id).then().statusCode(200).extract().asString());
        }
        assertTrue(pages.get("export-" + running).contains("<progress") && pages.get("export-" + running).contains("420 of 1000"));
        assertTrue(pages.get("export-" + failed).contains("stopped before it finished"));
        WebCheck.validHtml(pages);

        ConsoleSignIn.browser(driver, base, Role.ADMIN);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        Chromium.consoleProblems(driver); // what earlier tests left in the shared browser\'s log
        driver.get(url("/staff/exports"));
        WebCheck.accessible(driver, "exports list");
        driver.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                ConsoleExports.today().toString(), day.minusDays(3).toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty());
        assertEquals("from", driver.findElement(By.cssSelector("[aria-invalid=true]")).getAttribute("id"));
        WebCheck.accessible(driver, "exports form with errors");
        // The form's answer (and each reload of it) is a 422, which Chromium logs; nothing else may be.
        List<String> problems = Chromium.consoleProblems(driver);
        assertTrue(problems.stream().allMatch(p -> p.contains("status of 422")), problems.toString());
        for (long id : List.of(done, failed, running)) {
            driver.get(url("/staff/exports/" + id));
            WebCheck.accessible(driver, "export " + id);
        }
        assertEquals(List.of(), Chromium.consoleProblems(driver));
        jobs.fail(running, "instance-test", "test over", Instant.now());
    }

}
