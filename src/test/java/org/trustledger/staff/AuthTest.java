package org.trustledger.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustledger.Staff;

@QuarkusTest
class AuthTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void jsonLoginSetsAStrictHttpOnlySessionCookie() {
        Response r = given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(204).extract().response();
        String setCookie = r.header("Set-Cookie");
        assertTrue(setCookie.startsWith("tl_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(!setCookie.contains("Secure"), "plain HTTP from an untrusted origin is not marked Secure: " + setCookie);
        String session = r.cookie("tl_session");
        given().cookie("tl_session", session).get("/api/v1/auth/me").then().statusCode(200)
                .body("username", equalTo("admin")).body("roles", hasItems("admin"));
    }

    @Test
    void cookieIsSecureWhenATrustedProxySaysTls() {
        String setCookie = given().header("X-Forwarded-For", Staff.freshIp()).header("X-Forwarded-Proto", "https")
                .contentType(ContentType.JSON).body(Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(204).extract().header("Set-Cookie");
        assertTrue(setCookie.contains("Secure"), setCookie);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        String session = Staff.admin();
        given().cookie("tl_session", session).get("/api/v1/auth/me").then().statusCode(200);
        // A form post is refused (the route takes JSON only), so a foreign page cannot log staff out either.
        given().cookie("tl_session", session).contentType(ContentType.URLENC).post("/api/v1/auth/logout").then().statusCode(415)
                .contentType("application/problem+json");
        given().cookie("tl_session", session).get("/api/v1/auth/me").then().statusCode(200);
        given().cookie("tl_session", session).contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie("tl_session", session).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() {
        String ip = Staff.freshIp();
        String a = given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "not-the-password")).post("/api/v1/auth/login")
                .then().statusCode(401).contentType("application/problem+json").extract().path("detail");
        String b = given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-here", "password", "not-the-password")).post("/api/v1/auth/login")
                .then().statusCode(401).contentType("application/problem+json").extract().path("detail");
        assertEquals(a, b);
    }

    @Test
    void forgedOrGarbageSessionCookiesAreAnonymous() {
        for (String forged : List.of("x", "A".repeat(43), "../../etc/passwd", "%00", "a".repeat(5000))) {
            given().cookie("tl_session", forged).get("/api/v1/auth/me").then().statusCode(401);
        }
    }

    @Test
    void repeatedFailuresLockTheAccountAcrossIps() {
        Staff.withRole("auditor"); // creates test-auditor
        String user = "lockme";
        given().cookie("tl_session", Staff.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", "correct-horse-battery", "roles", List.of("auditor")))
                .post("/api/v1/staff/accounts").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                    .body(Map.of("username", user, "password", "wrong-" + i)).post("/api/v1/auth/login")
                    .then().statusCode(401);
        }
        // Even the right password from a new IP is refused while the account is locked.
        given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", "correct-horse-battery")).post("/api/v1/auth/login")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Other accounts are unaffected.
        Staff.login("test-auditor", "password-for-auditor");
    }

    @Test
    void repeatedFailuresFromOneIpLockThatIp() {
        String ip = Staff.freshIp();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                    .body(Map.of("username", "spray-" + i, "password", "guess-" + i)).post("/api/v1/auth/login")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(429);
        Staff.admin(); // a different IP still gets in
    }

    @Test
    void formLoginRequiresTheCsrfToken() {
        given().contentType(ContentType.URLENC).header("X-Forwarded-For", Staff.freshIp())
                .formParam("username", Staff.ADMIN).formParam("password", Staff.ADMIN_PASSWORD).formParam("next", "/staff")
                .redirects().follow(false)
                .post("/staff/login").then().statusCode(400);
    }

    @Test
    void formLoginRedirectsToTheSameOriginPath() {
        Response r = formLogin("/staff?tab=gaps");
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/staff?tab=gaps"), r.header("Location"));
        assertNotNull(r.cookie("tl_session"));
        given().cookie("tl_session", r.cookie("tl_session")).get("/staff").then().statusCode(200)
                .body(containsString("Signed in as <strong>admin</strong>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil.example", "%2F%2Fevil.example",
            "/%2F/evil.example", "%252F%252Fevil.example", "javascript:alert(1)", "/%5Cevil.example", "http:/evil.example",
            "/\t/evil.example", " //evil.example", "evil.example", "/%09/evil.example"})
    void openRedirectsFallBackToStaff(String next) {
        Response r = formLogin(next);
        assertEquals(303, r.statusCode());
        String location = r.header("Location");
        assertTrue(location.endsWith("/staff") && !location.contains("evil"), location);
    }

    @Test
    void staffPageRedirectsAnonymousVisitorsToLogin() {
        given().redirects().follow(false).get("/staff").then().statusCode(303)
                .header("Location", containsString("/staff/login?next=%2Fstaff"));
    }

    private Response formLogin(String next) {
        Response form = given().get("/staff/login");
        Matcher m = CSRF_FIELD.matcher(form.asString());
        assertTrue(m.find(), "login form carries a CSRF token");
        return given().contentType(ContentType.URLENC).header("X-Forwarded-For", Staff.freshIp())
                .cookie("csrf-token", form.cookie("csrf-token"))
                .formParam("csrf-token", m.group(1))
                .formParam("username", Staff.ADMIN).formParam("password", Staff.ADMIN_PASSWORD).formParam("next", next)
                .redirects().follow(false)
                .post("/staff/login");
    }
}
