package org.trustledger.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;

/** The console's frame: who is signed in, sign-out, role-aware menu, HTML error pages, sign-in redirects. */
@QuarkusTest
class ConsoleLayoutTest {

    private static ChromeDriver driver;

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

    @Test
    void menuFollowsTheRolesAndSignOutEndsTheSession() throws Exception {
        ConsoleSignIn.browser(driver, base, "auditor");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        String header = driver.findElement(By.cssSelector("header.site-header")).getText();
        assertTrue(header.contains("Signed in as test-auditor"), header);
        assertTrue(header.contains("Gaps") && header.contains("Exports") && !header.contains("Accounts") && !header.contains("Privacy requests"), header);
        assertTrue(driver.findElement(By.tagName("footer")).getText().contains("test-auditor (auditor)"));
        WebCheck.accessible(driver, "dashboard");
        assertEquals(List.of(), Chromium.consoleProblems(driver));
        driver.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/staff/login"));
        driver.get(base + "staff");
        assertTrue(driver.getCurrentUrl().contains("/staff/login?next=%2Fstaff"), driver.getCurrentUrl());
    }

    @Test
    void errorsUnderStaffArePagesWithNavigation() throws Exception {
        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        given().cookie("tl_session", auditor.cookie()).accept("text/html").get("/staff/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("<h1>Not Found</h1>"), containsString("aria-label=\"Console\""));
        given().cookie("tl_session", auditor.cookie()).get("/staff").then().statusCode(200).header("Cache-Control", "no-store");
        given().cookie("tl_session", auditor.cookie()).accept("application/json").get("/staff/no-such-page").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().cookie("tl_session", auditor.cookie()).get("/api/v1/staff/accounts").then().statusCode(403)
                .contentType(containsString("application/problem+json")).body(not(containsString("<html")));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("console-dashboard", given().cookie("tl_session", auditor.cookie()).get("/staff").then().statusCode(200).extract().asString());
        pages.put("console-404", given().cookie("tl_session", auditor.cookie()).accept("text/html").get("/staff/no-such-page").asString());
        WebCheck.validHtml(pages);
    }
}
