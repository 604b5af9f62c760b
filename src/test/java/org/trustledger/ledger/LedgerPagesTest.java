package org.trustledger.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.console.ConsoleData;
import org.trustledger.console.ConsoleDataProfile;
import org.trustledger.console.ConsoleSignIn;

/** {@code /staff/ledger}: the page, the verification button and sealing a missed day, for the roles the API allows. */
@QuarkusTest
@TestProfile(ConsoleDataProfile.class)
class LedgerPagesTest {

    @Inject
    EvidenceLedger ledger;

    @BeforeEach
    void data() throws SQLException {
        ConsoleData.ensure(ledger);
    }

    private static Response post(ConsoleSignIn.Session s, String path) {
        return given().cookie("tl_session", s.cookie()).cookie("csrf-token", s.csrf()).formParam("csrf-token", s.csrf())
                .contentType("application/x-www-form-urlencoded").accept("text/html").redirects().follow(false).post(path);
    }

    private static long manifests() throws SQLException {
        return ConsoleData.count("SELECT count(*) FROM ledger_manifest");
    }

    private static long events(String kind) throws SQLException {
        return ConsoleData.count("SELECT count(*) FROM governance_event WHERE kind = '" + kind + "'");
    }

    /** The oldest day that is missing: the day after the last manifest, or the first day with evidence. */
    private static LocalDate oldestMissing() throws SQLException {
        long sealed = manifests();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (sealed == 0) {
            return today.minusDays(ConsoleData.EVIDENCE_DAYS_AGO[0]);
        }
        long last = ConsoleData.count("SELECT (current_date - max(day)) FROM ledger_manifest");
        return today.minusDays(last - 1);
    }

    @Test
    void thePageShowsCheckpointKeysAndDaysAndSealButtonsOnlyToThoseWhoMaySeal() throws SQLException {
        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        String html = given().cookie("tl_session", auditor.cookie()).get("/staff/ledger").then().statusCode(200).extract().asString();
        long size = ConsoleData.count("SELECT tree_size FROM ledger_head");
        assertTrue(html.contains("<dt>Tree size</dt><dd>" + size + " entries</dd>"), html);
        assertTrue(html.contains("<span class=\"tag status-pass\">current</span>"), "the current key is marked");
        assertTrue(html.contains("<span class=\"tag status-stale\">missing</span>"), "past days with evidence and no manifest are missing");
        assertTrue(html.contains("today, sealed after midnight UTC"));
        assertTrue(!html.contains("/seal\""), "auditors may not seal");
        String compliance = given().cookie("tl_session", ConsoleSignIn.session("compliance").cookie()).get("/staff/ledger").then().statusCode(200)
                .extract().asString();
        assertTrue(compliance.contains("action=\"/staff/ledger/manifests/" + oldestMissing() + "/seal\""), compliance);
        given().cookie("tl_session", auditor.cookie()).accept("text/html").get("/staff/ledger?page=0").then().statusCode(400)
                .contentType(containsString("text/html"));
    }

    @Test
    void verifyingRunsTheFullCheckRecordsItAndShowsEachResult() throws SQLException {
        ConsoleSignIn.Session privacy = ConsoleSignIn.session("privacy");
        long before = events(GovernanceLog.LEDGER_VERIFIED);
        post(privacy, "/staff/ledger/verify").then().statusCode(403).contentType(containsString("text/html"));
        assertEquals(before, events(GovernanceLog.LEDGER_VERIFIED), "a refused verification records nothing");

        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        post(auditor, "/staff/ledger/verify").then().statusCode(303).header("Location", endsWith("/staff/ledger?verified=1#verification"));
        assertEquals(before + 1, events(GovernanceLog.LEDGER_VERIFIED));
        assertEquals(1, ConsoleData.count("SELECT count(*) FROM governance_event WHERE kind = 'ledger_verified' AND actor = 'test-auditor'"
                + " AND seq = (SELECT max(seq) FROM governance_event WHERE kind = 'ledger_verified')"
                + " AND convert_from(canonical, 'UTF8')::jsonb #> '{details,duration_ms}' IS NOT NULL"));
        String html = given().cookie("tl_session", auditor.cookie()).get("/staff/ledger?verified=1").then().statusCode(200).extract().asString();
        assertTrue(html.contains("The verification has finished"));
        assertTrue(html.contains("by test-auditor:") && html.contains("all checks passed"), html);
        for (String check : LedgerVerifier.checkNames()) {
            assertTrue(html.contains("<th scope=\"row\">" + check.replace('_', ' ') + "</th>\n          <td><span class=\"tag status-pass\">OK</span>"),
                    check + " OK in " + html);
        }
    }

    @Test
    void aMissedDayIsSealedAndRefusedDaysComeBackMarked() throws SQLException {
        LocalDate day = oldestMissing();
        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        ConsoleSignIn.Session compliance = ConsoleSignIn.session("compliance");
        long before = manifests();

        post(auditor, "/staff/ledger/manifests/" + day + "/seal").then().statusCode(403).contentType(containsString("text/html"));
        assertEquals(before, manifests(), "auditors may not seal");

        post(compliance, "/staff/ledger/manifests/2026-13-45/seal").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("<h1>Ledger</h1>"), containsString("The day was not sealed"), containsString("2026-13-45: Not a day"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        post(compliance, "/staff/ledger/manifests/" + today + "/seal").then().statusCode(409)
                .body(containsString("has not ended yet"), containsString("<p class=\"field-error\" id=\"seal-error\">"));
        assertEquals(before, manifests(), "refused seals write nothing");

        post(compliance, "/staff/ledger/manifests/" + day + "/seal").then().statusCode(303)
                .header("Location", endsWith("/staff/ledger?sealed=" + day + "#day-" + day));
        assertEquals(1, ConsoleData.count("SELECT count(*) FROM ledger_manifest WHERE day = '" + day + "'"));
        assertEquals(1, ConsoleData.count("SELECT count(*) FROM governance_event WHERE kind = 'manifest_sealed' AND actor = 'test-compliance'"
                + " AND subject = 'manifest:" + day + "'"));
        given().cookie("tl_session", compliance.cookie()).get("/staff/ledger?sealed=" + day).then().statusCode(200)
                .body(containsString("Sealed " + org.trustledger.web.ReadableTime.readable(day)),
                        not(containsString("action=\"/staff/ledger/manifests/" + day + "/seal\"")));

        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(ConsoleData.count("SELECT current_date - min(day) FROM ledger_manifest"));
        long sealed = manifests();
        post(compliance, "/staff/ledger/manifests/" + first.minusDays(1) + "/seal").then().statusCode(409)
                .body(containsString("precedes the first sealed day"));
        assertEquals(sealed, manifests());
    }
}
