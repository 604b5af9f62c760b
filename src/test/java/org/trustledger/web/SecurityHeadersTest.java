package org.trustledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SecurityHeadersTest {

    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET, /api/v1/frameworks, 200",
            "GET, /api/v1/frameworks/iso27001/controls, 200",
            "GET, /staff/login, 200",
            "GET, /assets/site.css, 200",
            "GET, /q/health, 200",
            "GET, /q/metrics, 200",
            "GET, /q/openapi, 200",
            "GET, /no/such/page, 404",
            "GET, /api/v1/frameworks/nope/controls, 404",
            "DELETE, /api/v1/frameworks, 405",
            "GET, /api/v1/auth/me, 401",
            "GET, /api/v1/staff/accounts, 401",
    })
    void everyResponseKindCarriesTheSecurityHeaders(String method, String path, int status) {
        Response r = given().when().request(method, path).then().statusCode(status).extract().response();
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"));
        assertEquals("max-age=31536000; includeSubDomains", r.header("Strict-Transport-Security"));
        String csp = r.header("Content-Security-Policy");
        Matcher m = NONCE.matcher(csp);
        assertEquals(true, m.find(), csp);
        assertEquals(16, Base64.getDecoder().decode(m.group(1)).length, "nonce carries 128 bits");
        assertEquals(false, csp.contains("unsafe-inline"), csp);
        if (status >= 400) {
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
            assertEquals(status, r.jsonPath().getInt("status"));
        }
    }

    @Test
    void nonceIsFreshForEveryRequest() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String csp = given().get("/staff/login").header("Content-Security-Policy");
            Matcher m = NONCE.matcher(csp);
            m.find();
            seen.add(m.group(1));
        }
        assertEquals(20, seen.size());
        assertNotEquals(given().get("/api/v1/frameworks").header("Content-Security-Policy"),
                given().get("/api/v1/frameworks").header("Content-Security-Policy"));
    }

    @Test
    void csrfTokenAndNonceAppearOnlyWhereExpected() {
        given().get("/staff/login").then()
                .body(containsString("name=\"csrf-token\""))
                .header("Content-Type", matchesPattern("text/html.*"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void staffAnswersAreNeverStoredPublicOnesKeepTheirCaching() {
        String admin = org.trustledger.Staff.admin();
        given().cookie("tl_session", admin).get("/api/v1/gaps").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().cookie("tl_session", admin).get("/staff").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().get("/api/v1/gaps").then().statusCode(401).header("Cache-Control", equalTo("no-store"));
        assertNotEquals("no-store", given().get("/sub-processors").then().statusCode(200).extract().header("Cache-Control"));
    }
}
