package org.trustledger.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
import org.trustledger.Staff;
import org.trustledger.browser.Chromium;
import org.trustledger.browser.WebCheck;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceChain;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.staff.StaffAccounts;

/**
 * {@code /staff/accounts} (admin): staff accounts created and changed through the same service and governance events as
 * the JSON API, with bad input shown on the same page and nothing changed; service accounts with their tokens; and every
 * other role refused, in the browser too (an auditor gets the 403 page).
 */
@QuarkusTest
class AccountsPagesTest {

    private static ChromeDriver driver;

    @Inject
    StaffAccounts accounts;

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

    private static Response post(ConsoleSignIn.Session s, String path, Map<String, ?> fields) {
        var spec = given().cookie("tl_session", s.cookie()).cookie("csrf-token", s.csrf()).accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrf());
        for (var f : fields.entrySet()) {
            if (f.getValue() instanceof List<?> many) {
                spec = spec.formParam(f.getKey(), many.toArray());
            } else {
                spec = spec.formParam(f.getKey(), f.getValue());
            }
        }
        return spec.post(path);
    }

    /** The events recorded since {@code before} (a head size). */
    private List<GovernanceChain.Event> eventsSince(long before) {
        return governance.list(before - 1, 100);
    }

    @Test
    void anAdminCreatesChangesDisablesAndResetsAnAccount() {
        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        long before = governance.head().size();
        Response created = post(admin, "/staff/accounts", Map.of("username", "dana.lee", "password", "a-long-enough-password",
                "roles", List.of("compliance", "auditor")));
        assertEquals(303, created.statusCode(), created.asString());
        assertTrue(created.header("Location").endsWith("/staff/accounts/staff/dana.lee?done=created"), created.header("Location"));
        assertEquals(List.of("auditor", "compliance"), accounts.find("dana.lee").orElseThrow().roles());
        GovernanceChain.Event event = eventsSince(before).stream().filter(e -> e.kind().equals(GovernanceLog.STAFF_ACCOUNT_CREATED)).findFirst().orElseThrow();
        assertEquals("admin", event.actor());
        assertEquals("staff:dana.lee", event.subject());
        String dana = Staff.login("dana.lee", "a-long-enough-password");

        before = governance.head().size();
        assertEquals(303, post(admin, "/staff/accounts/staff/dana.lee/roles", Map.of("roles", List.of("privacy"))).statusCode());
        assertEquals(List.of("privacy"), accounts.find("dana.lee").orElseThrow().roles());
        event = eventsSince(before).stream().filter(e -> e.kind().equals(GovernanceLog.STAFF_ROLES_CHANGED)).findFirst().orElseThrow();
        assertTrue(new String(event.canonical()).contains("\"before\":[\"auditor\",\"compliance\"]"), new String(event.canonical()));
        // Roles apply from the next request of an existing session.
        given().cookie("tl_session", dana).accept("text/html").get("/staff/exports").then().statusCode(403);

        before = governance.head().size();
        assertEquals(303, post(admin, "/staff/accounts/staff/dana.lee/disable", Map.of()).statusCode());
        assertTrue(!accounts.find("dana.lee").orElseThrow().enabled());
        given().cookie("tl_session", dana).accept("application/json").get("/api/v1/reports").then().statusCode(401);
        assertEquals(303, post(admin, "/staff/accounts/staff/dana.lee/enable", Map.of()).statusCode());
        assertTrue(accounts.find("dana.lee").orElseThrow().enabled());
        assertEquals(List.of("disabled", "enabled"), eventsSince(before).stream().filter(e -> e.kind().equals(GovernanceLog.STAFF_ACCOUNT_CHANGED))
                .map(e -> new String(e.canonical()).contains("\"action\":\"disabled\"") ? "disabled" : "enabled").toList());

        String again = Staff.login("dana.lee", "a-long-enough-password");
        assertEquals(303, post(admin, "/staff/accounts/staff/dana.lee/password", Map.of("password", "another-long-password")).statusCode());
        given().cookie("tl_session", again).accept("application/json").get("/api/v1/reports").then().statusCode(401);
        assertNotNull(Staff.login("dana.lee", "another-long-password"));

        String page = given().cookie("tl_session", admin.cookie()).get("/staff/accounts/staff/dana.lee?done=password").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Password reset") && page.contains("privacy"), page);
        String list = given().cookie("tl_session", admin.cookie()).get("/staff/accounts").then().statusCode(200).extract().asString();
        assertTrue(list.contains("/staff/accounts/staff/dana.lee") && list.contains("Last sign-in"), list);
    }

    @Test
    void badInputShowsTheFormAgainWithTheFieldMarkedAndChangesNothing() {
        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        record Case(Map<String, ?> fields, int status, String marked) {
        }
        List<Case> creates = List.of(
                new Case(Map.of("username", "X Y", "password", "a-long-enough-password", "roles", List.of("auditor")), 400, "username"),
                new Case(Map.of("username", "erin", "password", "short", "roles", List.of("auditor")), 422, "password"),
                new Case(Map.of("username", "erin", "password", "a-long-enough-password"), 400, "roles"),
                new Case(Map.of("username", "erin", "password", "a-long-enough-password", "roles", List.of("root")), 400, "roles"),
                new Case(Map.of("username", "admin", "password", "a-long-enough-password", "roles", List.of("auditor")), 409, "username"));
        for (Case c : creates) {
            long before = governance.head().size();
            Response r = post(admin, "/staff/accounts", c.fields());
            assertEquals(c.status(), r.statusCode(), c + ": " + r.asString());
            assertTrue(r.asString().contains("aria-describedby=\"" + c.marked() + "-error\""), c.marked() + " marked for " + c);
            assertEquals(before, governance.head().size(), "nothing recorded for " + c);
        }
        assertTrue(accounts.find("erin").isEmpty());
        String kept = post(admin, "/staff/accounts", Map.of("username", "erin", "password", "short", "roles", List.of("privacy"))).asString();
        assertTrue(kept.contains("value=\"erin\"") && kept.contains("value=\"privacy\" checked") && !kept.contains("short"), "input kept, password not");

        Staff.withRole(Role.AUDITOR);
        long before = governance.head().size();
        Response noRoles = post(admin, "/staff/accounts/staff/test-auditor/roles", Map.of());
        assertEquals(400, noRoles.statusCode());
        assertTrue(noRoles.asString().contains("aria-describedby=\"roles-error\""));
        Response weak = post(admin, "/staff/accounts/staff/test-auditor/password", Map.of("password", "too-short"));
        assertEquals(422, weak.statusCode());
        assertTrue(weak.asString().contains("must be at least 12 characters"));
        Response self = post(admin, "/staff/accounts/staff/admin/disable", Map.of());
        assertEquals(409, self.statusCode());
        assertTrue(self.asString().contains("You cannot disable the account you are signed in with."));
        assertEquals(before, governance.head().size(), "no change recorded");
        // With every other admin disabled for the moment, "admin" is the last one and keeps the role.
        List<String> otherAdmins = accounts.list().stream().filter(a -> a.enabled() && a.roles().contains(Role.ADMIN)
                && !a.username().equals("admin")).map(StaffAccounts.Account::username).toList();
        otherAdmins.forEach(u -> accounts.setEnabled("admin", u, false));
        long beforeLast = governance.head().size();
        try {
            Response lastAdmin = post(admin, "/staff/accounts/staff/admin/roles", Map.of("roles", List.of("auditor")));
            assertEquals(409, lastAdmin.statusCode());
            assertTrue(lastAdmin.asString().contains("only enabled admin"), lastAdmin.asString());
            assertEquals(beforeLast, governance.head().size());
        } finally {
            otherAdmins.forEach(u -> accounts.setEnabled("admin", u, true));
        }
        assertEquals(List.of("auditor"), accounts.find("test-auditor").orElseThrow().roles());
        assertTrue(accounts.find("admin").orElseThrow().roles().contains(Role.ADMIN));
        given().cookie("tl_session", admin.cookie()).accept("text/html").get("/staff/accounts/staff/nobody-here").then().statusCode(404);
        given().cookie("tl_session", admin.cookie()).accept("text/html").get("/staff/accounts/staff/Bad%20Name").then().statusCode(404);
    }

    @Test
    void onlyAdminsReachAccounts() throws Exception {
        for (String role : List.of(Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR)) {
            ConsoleSignIn.Session s = ConsoleSignIn.session(role);
            given().cookie("tl_session", s.cookie()).accept("text/html").get("/staff/accounts").then().statusCode(403)
                    .contentType(containsString("text/html"));
            assertEquals(403, post(s, "/staff/accounts", Map.of("username", "mallory", "password", "a-long-enough-password",
                    "roles", List.of("admin"))).statusCode());
            assertEquals(403, post(s, "/staff/accounts/staff/admin/password", Map.of("password", "a-long-enough-password")).statusCode());
        }
        assertTrue(accounts.find("mallory").isEmpty());

        // The journey: an auditor who tries the page in the browser gets the error page, with the console around it.
        ConsoleSignIn.browser(driver, base, Role.AUDITOR);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        assertTrue(driver.findElements(By.linkText("Accounts")).isEmpty(), "no Accounts entry in an auditor's menu");
        driver.get(base + "staff/accounts");
        assertEquals("Forbidden", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Your roles do not open this page"));
        WebCheck.accessible(driver, "accounts refused to an auditor");
    }

    @Test
    void serviceAccountsShowTheirTokensWhichAnAdminRevokes() {
        String adminApi = Staff.admin();
        Response created = given().cookie("tl_session", adminApi).contentType(ContentType.JSON)
                .body(Map.of("name", "ci-pages", "description", "The release pipeline")).post("/api/v1/service-accounts");
        long account = created.statusCode() == 201 ? created.jsonPath().getLong("id")
                : given().cookie("tl_session", adminApi).get("/api/v1/service-accounts").jsonPath().getLong("find { it.name == 'ci-pages' }.id");
        long token = given().cookie("tl_session", adminApi).contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("collector:t-pushed"), "label", "release")).post("/api/v1/service-accounts/" + account + "/tokens")
                .then().statusCode(201).extract().jsonPath().getLong("details.id");

        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        String list = given().cookie("tl_session", admin.cookie()).get("/staff/accounts/services").then().statusCode(200).extract().asString();
        assertTrue(list.contains("/staff/accounts/services/" + account) && list.contains("The release pipeline"), list);
        String page = given().cookie("tl_session", admin.cookie()).get("/staff/accounts/services/" + account).then().statusCode(200).extract().asString();
        assertTrue(page.contains("collector:t-pushed") && page.contains("/tokens/" + token + "/revoke"), page);

        long before = governance.head().size();
        Response revoked = post(admin, "/staff/accounts/services/" + account + "/tokens/" + token + "/revoke", Map.of());
        assertEquals(303, revoked.statusCode());
        assertTrue(revoked.header("Location").endsWith("/staff/accounts/services/" + account + "?done=revoked"));
        given().cookie("tl_session", adminApi).get("/api/v1/service-accounts/" + account + "/tokens").then().statusCode(200)
                .body("find { it.id == " + token + " }.revoked_by", org.hamcrest.Matchers.is("admin"));
        GovernanceChain.Event event = eventsSince(before).stream().filter(e -> e.kind().equals(GovernanceLog.SERVICE_ACCOUNT_CHANGED)).findFirst().orElseThrow();
        assertTrue(new String(event.canonical()).contains("\"action\":\"token_revoked\""));

        assertEquals(303, post(admin, "/staff/accounts/services/" + account + "/disable", Map.of()).statusCode());
        given().cookie("tl_session", adminApi).get("/api/v1/service-accounts/" + account).then().body("account.disabled", org.hamcrest.Matchers.is(true));
        assertEquals(303, post(admin, "/staff/accounts/services/" + account + "/enable", Map.of()).statusCode());

        assertEquals(404, post(admin, "/staff/accounts/services/" + account + "/tokens/999999999/revoke", Map.of()).statusCode());
        assertEquals(403, post(ConsoleSignIn.session(Role.COMPLIANCE), "/staff/accounts/services/" + account + "/disable", Map.of()).statusCode());
    }

    @Test
    void everyAccountPageIsValidAndAccessible() throws Exception {
        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        Staff.withRole(Role.PRIVACY);
        String adminApi = Staff.admin();
        Response created = given().cookie("tl_session", adminApi).contentType(ContentType.JSON).body(Map.of("name", "ci-checks"))
                .post("/api/v1/service-accounts");
        long account = created.statusCode() == 201 ? created.jsonPath().getLong("id")
                : given().cookie("tl_session", adminApi).get("/api/v1/service-accounts").jsonPath().getLong("find { it.name == 'ci-checks' }.id");
        for (String label : List.of("nightly", "release")) {
            given().cookie("tl_session", adminApi).contentType(ContentType.JSON).body(Map.of("scopes", List.of("collector:t-pushed"), "label", label))
                    .post("/api/v1/service-accounts/" + account + "/tokens").then().statusCode(201);
        }

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("accounts-list", given().cookie("tl_session", admin.cookie()).get("/staff/accounts").then().statusCode(200).extract().asString());
        pages.put("accounts-list-errors", post(admin, "/staff/accounts", Map.of("username", "Not Valid", "password", "short"))
                .then().statusCode(400).extract().asString());
        pages.put("account", given().cookie("tl_session", admin.cookie()).get("/staff/accounts/staff/test-privacy?done=roles").then().statusCode(200)
                .extract().asString());
        pages.put("account-self", given().cookie("tl_session", admin.cookie()).get("/staff/accounts/staff/admin").then().statusCode(200).extract().asString());
        pages.put("account-errors", post(admin, "/staff/accounts/staff/test-privacy/password", Map.of("password", "short"))
                .then().statusCode(422).extract().asString());
        pages.put("account-conflict", post(admin, "/staff/accounts/staff/admin/disable", Map.of()).then().statusCode(409).extract().asString());
        pages.put("services", given().cookie("tl_session", admin.cookie()).get("/staff/accounts/services").then().statusCode(200).extract().asString());
        pages.put("service", given().cookie("tl_session", admin.cookie()).get("/staff/accounts/services/" + account + "?done=revoked").then()
                .statusCode(200).extract().asString());
        WebCheck.validHtml(pages);

        ConsoleSignIn.browser(driver, base, Role.ADMIN);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        Chromium.consoleProblems(driver); // what earlier tests left in the shared browser's log
        driver.findElement(By.linkText("Accounts")).click();
        WebCheck.accessible(driver, "accounts list");
        driver.findElement(By.id("username")).sendKeys("Not Valid");
        driver.findElement(By.id("password")).sendKeys("a-long-enough-password");
        driver.findElement(By.cssSelector("input[name=roles][value=auditor]")).click();
        driver.findElement(By.id("username")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty());
        WebCheck.accessible(driver, "accounts list with a form error");
        driver.get(base + "staff/accounts/staff/test-privacy");
        WebCheck.accessible(driver, "staff account");
        driver.findElement(By.cssSelector("form[action$='/password'] input[name=password]")).sendKeys("short");
        driver.findElement(By.cssSelector("form[action$='/password'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty());
        WebCheck.accessible(driver, "staff account with a form error");
        List<String> problems = Chromium.consoleProblems(driver);
        assertTrue(problems.stream().allMatch(p -> p.contains("status of 400") || p.contains("status of 422")), problems.toString());
        driver.get(base + "staff/accounts/services");
        WebCheck.accessible(driver, "service accounts");
        driver.get(base + "staff/accounts/services/" + account);
        WebCheck.accessible(driver, "service account");
        assertEquals(List.of(), Chromium.consoleProblems(driver));
    }
}
