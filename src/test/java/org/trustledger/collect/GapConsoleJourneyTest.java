package org.trustledger.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.console.ConsoleSignIn;

/** A compliance officer finds a gap on the board, assigns it and closes it with a resolution, in headless Chromium. */
@QuarkusTest
class GapConsoleJourneyTest {

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource db;
    @Inject
    Gaps gaps;

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
    void aComplianceOfficerAssignsAndClosesAGap() throws Exception {
        long id = gaps.open("test:journey:" + System.nanoTime(), List.of("ISO27001:A.5.15", "SOC2:CC6.1"), Severity.CRITICAL,
                "access review overdue: 3 leavers still hold production access").id();
        ConsoleSignIn.browser(driver, base, "compliance");
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff"));
        driver.findElement(By.linkText("Gaps")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff/gaps"));
        new Select(driver.findElement(By.id("severity"))).selectByVisibleText("critical");
        new Select(driver.findElement(By.id("sort"))).selectByValue("severity");
        driver.findElement(By.xpath("//button[normalize-space()='Show']")).click();
        waiting().until(d -> d.getCurrentUrl().contains("severity=critical"));
        WebCheck.accessible(driver, "gap board, filtered");
        driver.findElement(By.linkText("Gap " + id)).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/staff/gaps/" + id));
        assertTrue(main().contains("access review overdue") && main().contains("SOC2:CC6.1"), main());
        WebCheck.accessible(driver, "open gap");

        type("assignee", "nobody-here");
        driver.findElement(By.xpath("//button[normalize-space()='Assign']")).click();
        waiting().until(d -> !d.findElements(By.id("assignee-error")).isEmpty());
        assertEquals("no enabled staff account with this username", driver.findElement(By.id("assignee-error")).getText());
        WebCheck.accessible(driver, "gap, refused assignee");

        driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'Assign to me')]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("notice=assigned"));
        assertTrue(main().contains("Gap assigned.") && main().contains("test-compliance"), main());

        type("resolution", "   ");
        driver.findElement(By.xpath("//button[normalize-space()='Close gap']")).click();
        waiting().until(d -> !d.findElements(By.id("resolution-error")).isEmpty());
        assertEquals("is required", driver.findElement(By.id("resolution-error")).getText());
        WebCheck.accessible(driver, "gap, refused resolution");
        assertEquals("open", Api.string(db, "SELECT status FROM gap WHERE id = " + id));

        type("resolution", "Leavers' access removed; quarterly review scheduled");
        driver.findElement(By.xpath("//button[normalize-space()='Close gap']")).click();
        waiting().until(d -> d.getCurrentUrl().contains("notice=closed"));
        String page = main();
        assertTrue(page.contains("Gap closed.") && page.contains("Leavers' access removed; quarterly review scheduled"), page);
        assertTrue(driver.findElements(By.id("resolution")).isEmpty(), "a closed gap has no close form");
        assertEquals(List.of("opened", "assigned", "closed"),
                driver.findElements(By.cssSelector("table tbody tr td:nth-child(3)")).stream().map(WebElement::getText).toList());
        WebCheck.accessible(driver, "closed gap");

        driver.get(base.toString().replaceAll("/$", "") + "/staff/gaps?severity=urgent&control=XX:1");
        assertTrue(driver.findElement(By.id("severity-error")).isDisplayed());
        WebCheck.accessible(driver, "gap board, refused filter");
        assertEquals(List.of(), problems());
    }
}
