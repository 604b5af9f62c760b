package org.trustledger.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.common.Role;

/** Staff single sign-on against {@link FakeOidcProvider}, driven hop by hop like a browser. */
@QuarkusTest
@TestProfile(OidcLoginTest.Enabled.class)
class OidcLoginTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOidcProvider.class));
        }
    }

    @Inject
    DataSource db;

    @Inject
    SsoLogin sso;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** The cookies the last {@link #signIn} left in its browser, removed ones with an empty value. */
    private Map<String, String> browserCookies;

    /** Follows the redirects from GET /staff/sso, carrying cookies, until TrustLedger answers with something else than a 302. */
    private Response signIn(FakeOidcProvider.User user) {
        FakeOidcProvider.signInAs(user);
        Map<String, String> cookies = new HashMap<>();
        browserCookies = cookies;
        String url = "http://localhost:" + port + "/staff/sso";
        boolean sawProvider = false;
        for (int hop = 0; hop < 8; hop++) {
            Response r = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(url);
            cookies.putAll(r.getCookies());
            if (r.statusCode() != 302) {
                assertTrue(sawProvider, "the flow went through the identity provider");
                return r;
            }
            URI next = URI.create(url).resolve(r.getHeader("Location"));
            sawProvider |= next.getPath().equals("/authorize");
            url = next.toString();
        }
        throw new AssertionError("too many redirects");
    }

    @Test
    void ssoLoginOpensATrustLedgerSession() throws SQLException {
        long logins = count("SELECT count(*) FROM governance_event WHERE kind = 'login' AND convert_from(canonical, 'UTF8') LIKE '%\"method\":\"oidc\"%'");
        Response r = signIn(new FakeOidcProvider.User("sub-alice", "Alice.Smith@Example.com", List.of("tl-admins", "tl-auditors", "other")));
        assertEquals(200, r.statusCode());
        assertTrue(r.asString().contains("<meta http-equiv=\"refresh\" content=\"0;url=/staff\">"), r.asString());
        String session = r.getCookie("tl_session");
        assertNotNull(session);
        given().cookie("tl_session", session).get("/api/v1/auth/me").then().statusCode(200)
                .body("username", equalTo("alice.smith-example.com"))
                .body("roles", contains("admin", "auditor"));
        given().cookie("tl_session", session).get("/staff").then().statusCode(200);
        assertEquals(logins + 1, count("SELECT count(*) FROM governance_event WHERE kind = 'login' AND convert_from(canonical, 'UTF8') LIKE '%\"method\":\"oidc\"%'"));
        assertEquals(1, count("SELECT count(*) FROM staff_account WHERE sso_subject = 'sub-alice' AND password_hash IS NULL"
                + " AND sso_issuer LIKE 'http://127.0.0.1:%'"));
    }

    /** OIDC subjects are unique per issuer only: the same sub from another provider is someone else. */
    @Test
    void aSubjectFromAnotherIssuerIsAnotherAccount() throws SQLException {
        String s = signIn(new FakeOidcProvider.User("sub-dave", "dave", List.of("tl-admins"))).then().statusCode(200)
                .extract().cookie("tl_session");
        given().cookie("tl_session", s).get("/api/v1/auth/me").then().body("username", equalTo("dave")).body("roles", contains("admin"));

        SsoLogin.Outcome other = sso.login("https://other-idp.example", "sub-dave", "dave", Set.of(Role.AUDITOR));
        StaffAccount stranger = ((SsoLogin.LoggedIn) other).account();
        assertEquals("dave-2", stranger.username);
        assertEquals(List.of(Role.AUDITOR), List.of(stranger.roles));
        given().cookie("tl_session", s).get("/api/v1/auth/me").then().body("username", equalTo("dave")).body("roles", contains("admin"));
        assertEquals(2, count("SELECT count(*) FROM staff_account WHERE sso_subject = 'sub-dave'"));
    }

    /** An account from before issuers were recorded is not matched on its subject alone. */
    @Test
    void anAccountWithoutIssuerIsNeverMatched() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO staff_account (username, sso_subject, roles) VALUES ('erin', 'sub-erin', '{admin}')")) {
            ps.executeUpdate();
        }
        String s = signIn(new FakeOidcProvider.User("sub-erin", "erin", List.of("tl-auditors"))).then().statusCode(200)
                .extract().cookie("tl_session");
        given().cookie("tl_session", s).get("/api/v1/auth/me").then().body("username", equalTo("erin-2")).body("roles", contains("auditor"));
        assertEquals(1, count("SELECT count(*) FROM staff_account WHERE username = 'erin' AND sso_issuer IS NULL AND roles = '{admin}'"));
    }

    /** After sign-in only tl_session remains: the OIDC session cookie is gone, so a later visit asks the provider again. */
    @Test
    void theOidcSessionEndsWithTheSignIn() {
        Response r = signIn(new FakeOidcProvider.User("sub-frank", "frank", List.of("tl-auditors")));
        assertEquals(200, r.statusCode());
        io.restassured.http.Cookie q = r.getDetailedCookie("q_session");
        assertNotNull(q, "the response clears the OIDC session cookie: " + r.getHeaders().getValues("Set-Cookie"));
        assertTrue(q.getValue().isEmpty() && (q.getMaxAge() == 0 || q.getExpiryDate() != null && q.getExpiryDate().before(new java.util.Date())),
                q.toString());
        Map<String, String> kept = new HashMap<>(browserCookies);
        kept.putAll(r.getCookies());
        kept.values().removeIf(String::isEmpty);
        Response again = given().redirects().follow(false).cookies(kept).get("/staff/sso");
        assertEquals(302, again.statusCode());
        assertTrue(URI.create(again.getHeader("Location")).getPath().equals("/authorize"), again.getHeader("Location"));
    }

    @Test
    void secondLoginUpdatesRoles() {
        FakeOidcProvider.User first = new FakeOidcProvider.User("sub-bob", "bob", List.of("tl-admins"));
        String s1 = signIn(first).then().statusCode(200).extract().cookie("tl_session");
        given().cookie("tl_session", s1).get("/api/v1/auth/me").then().body("roles", contains("admin"));
        String s2 = signIn(new FakeOidcProvider.User("sub-bob", "bob", List.of("tl-privacy"))).then().statusCode(200)
                .extract().cookie("tl_session");
        given().cookie("tl_session", s2).get("/api/v1/auth/me").then().statusCode(200)
                .body("username", equalTo("bob")).body("roles", contains("privacy"));
        // The earlier session sees the new roles too: roles are read from the account on every request.
        given().cookie("tl_session", s1).get("/api/v1/auth/me").then().body("roles", contains("privacy"));
    }

    @Test
    void unmappedGroupsAreRefusedWithoutAnAccount() throws SQLException {
        Response r = signIn(new FakeOidcProvider.User("sub-carol", "carol", List.of("everyone")));
        assertEquals(403, r.statusCode());
        // The browser that came back from the identity provider gets the console's error page, not problem+json.
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.asString().contains("<h1>Forbidden</h1>"), r.asString());
        assertNull(r.getCookie("tl_session"));
        assertEquals(0, count("SELECT count(*) FROM staff_account WHERE sso_subject = 'sub-carol' OR username = 'carol'"));
    }

    @Test
    void ssoNeverTakesOverALocalAccountAndHasNoPassword() {
        // "admin" is the local bootstrap admin; an IdP user calling itself admin gets a name of its own.
        String s = signIn(new FakeOidcProvider.User("sub-mallory", "admin", List.of("tl-auditors"))).then().statusCode(200)
                .extract().cookie("tl_session");
        given().cookie("tl_session", s).get("/api/v1/auth/me").then().body("username", equalTo("admin-2"))
                .body("roles", contains("auditor"));
        // The SSO account has no password to guess.
        given().header("X-Forwarded-For", Staff.freshIp()).contentType("application/json")
                .body(Map.of("username", "admin-2", "password", "anything-at-all")).post("/api/v1/auth/login").then().statusCode(401);
        // Local accounts still work alongside SSO.
        given().cookie("tl_session", Staff.admin()).get("/api/v1/auth/me").then().body("username", equalTo("admin"));
    }

    @Test
    void otherPathsStillUseSessionsOnly() {
        given().redirects().follow(false).get("/api/v1/auth/me").then().statusCode(401);
        given().redirects().follow(false).get("/api/v1/staff/accounts").then().statusCode(401);
        given().redirects().follow(false).get("/").then().statusCode(200);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
