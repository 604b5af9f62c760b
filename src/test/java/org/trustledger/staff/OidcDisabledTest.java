package org.trustledger.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** By default single sign-on is off: /staff/sso signs nobody in and the rest behaves as without quarkus-oidc. */
@QuarkusTest
class OidcDisabledTest {

    @Test
    void ssoPathIsClosedWhenTheTenantIsDisabled() {
        given().redirects().follow(false).get("/staff/sso").then().statusCode(401).header("Set-Cookie", nullValue());
    }

    @Test
    void anonymousStaffApiIs401AndPublicPagesOpen() {
        given().redirects().follow(false).get("/api/v1/auth/me").then().statusCode(401);
        given().redirects().follow(false).get("/").then().statusCode(200);
    }
}
