package org.trustledger.collect;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.collect.types.PolicyCurrencyCollector;
import org.trustledger.collect.types.SqlCheckCollector;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.policies.PolicyLibrary;

/** Every collector type through the real runner and the staff API: pass, fail and error. */
@QuarkusTest
class CollectorTypesTest {

    @Inject
    DataSource db;
    @Inject
    ControlCatalog catalog;
    @Inject
    SqlCheckCollector sql;
    @Inject
    Clock clock;

    @Test
    void fileBaselinePassesOnMatchAndReportsChangedAndMissingFiles() throws Exception {
        Api.run("t-file-pass").then().statusCode(200).body("status", is("pass")).body("origin", is("manual"))
                .body("summary", is("all 1 files match the approved baseline"));
        Path flip = Path.of("target/gap-flip.txt");
        Files.deleteIfExists(flip);
        JsonPath missing = Api.run("t-file-drift").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertEquals("drift from the approved baseline; missing: target/gap-flip.txt", missing.getString("summary"));
        Files.writeString(flip, "tampered\n");
        JsonPath changed = Api.run("t-file-drift").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertEquals("drift from the approved baseline; changed: target/gap-flip.txt", changed.getString("summary"));
        assertEquals("changed", changed.getString("payload.files[0].state"));
        Files.delete(flip);
    }

    @Test
    void commandPassFailAndArgumentsAreNeverInterpretedByAShell() {
        Api.run("t-cmd-true").then().statusCode(200).body("status", is("pass")).body("payload.exit_code", is(0));
        Api.run("t-cmd-false").then().statusCode(200).body("status", is("fail")).body("summary", is("false: exit code 1, expected 0"));
        Api.run("t-cmd-echo").then().statusCode(200).body("status", is("pass"))
                .body("payload.stdout", is("hello; rm -rf / $(id)\n"));
    }

    @Test
    void hungCommandIsKilledAtItsTimeoutAndDoesNotBlockOtherRuns() throws Exception {
        long t0 = System.nanoTime();
        JsonPath run = Api.run("t-cmd-hang").then().statusCode(200).body("status", is("error")).extract().jsonPath();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 6000, "the 2 s limit was enforced, took " + ms + " ms");
        assertTrue(run.getString("summary").matches("timed out after 1[45]\\d\\d ms; process \\d+ killed"), run.getString("summary"));
        assertTrue(run.getBoolean("payload.killed"));
        long pid = run.getLong("payload.pid");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "sleep process " + pid + " is gone");
    }

    @Test
    void sqlCheckPassFailErrorAndStatementTimeout() {
        Api.run("t-sql-pass").then().statusCode(200).body("status", is("pass")).body("summary", is("value true, expected true"));
        Api.run("t-sql-fail").then().statusCode(200).body("status", is("fail")).body("summary", is("0 rows, expected at least 1"));
        Api.run("t-sql-error").then().statusCode(200).body("status", is("error"))
                .body("summary", containsString("relation \"no_such_table\" does not exist"));
        // A named source: its own connection, and the query sees the read-only transaction it runs in.
        Api.run("t-sql-source").then().statusCode(200).body("status", is("pass")).body("payload.source", is("self"));
        Api.run("t-sql-slow").then().statusCode(200).body("status", is("error"))
                .body("summary", containsString("canceling statement due to statement timeout"));
    }

    /** The start-up parser is only a first line; the read-only transaction stops a write that slipped past it. */
    @Test
    void readOnlyTransactionIsTheRealGuard() throws Exception {
        long gaps = Api.count(db, "SELECT count(*) FROM gap");
        Api.exec(db, "CREATE TABLE IF NOT EXISTS sql_guard_probe (n int)");
        var params = new ObjectMapper().readTree("{\"query\":\"WITH d AS (INSERT INTO sql_guard_probe VALUES (1) RETURNING n) SELECT n FROM d\","
                + "\"expect\":{\"rows\":1}}");
        CollectorDefinition d = new CollectorDefinition("t-guard", "sql-check", "guard", "0 0 0 1 1 ? 2099",
                List.of("ISO27001:A.8.2"), params, Duration.ofDays(1), Severity.LOW, Duration.ofSeconds(5), Path.of("x"));
        assertEquals("must be read-only, but contains 'INSERT'", SqlCheckCollector.refusal(params.get("query").asText()));
        Instant now = clock.instant();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> sql.collect(d, new RunContext(clock, now, now.plusSeconds(5))));
        assertTrue(e.getMessage().contains("in a read-only transaction"), e.getMessage());
        assertEquals(0, Api.count(db, "SELECT count(*) FROM sql_guard_probe"));
        assertEquals(gaps, Api.count(db, "SELECT count(*) FROM gap"));
    }

    @Test
    void policyCurrencyFailsNamingTheOverduePolicyAndPassesForCurrentOnes() {
        // Today (2026-11-25) the business-continuity policy, approved 2025-09-15 with a 365-day interval, is overdue.
        JsonPath all = Api.run("t-policy-all").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        // Other policies fall due from 2027 on; the sample's deliberate failure must be among the overdue ones.
        assertTrue(all.getString("summary").matches("\\d+ of 11 policies overdue for review: .*business-continuity \\(due 2026-09-15, .*"),
                all.getString("summary"));
        Api.run("t-policy-crypto").then().statusCode(200).body("status", is("pass"))
                .body("summary", is("all 1 policies approved within their review interval"));
    }

    @Test
    void policyCurrencyIsAnErrorWhenTheLibraryStopsValidating(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("policies/cryptography.md"), dir.resolve("cryptography.md"));
        PolicyLibrary library = new PolicyLibrary(dir, catalog, clock);
        PolicyCurrencyCollector type = new PolicyCurrencyCollector(library);
        CollectorDefinition d = new CollectorDefinition("t-x", "policy-currency", "x", "0 0 0 1 1 ? 2099", List.of("ISO27001:A.5.1"),
                new ObjectMapper().createObjectNode(), Duration.ofDays(1), Severity.LOW, Duration.ofSeconds(5), Path.of("x"));
        Instant now = clock.instant();
        assertEquals(RunStatus.PASS, type.collect(d, new RunContext(clock, now, now.plusSeconds(5))).status());
        Files.writeString(dir.resolve("cryptography.md"), Files.readString(dir.resolve("cryptography.md"))
                .replace("ISO27001:A.8.24", "ISO27001:A.9.99"));
        CollectorResult r = type.collect(d, new RunContext(clock, now, now.plusSeconds(5)));
        assertEquals(RunStatus.ERROR, r.status());
        assertEquals("policy library no longer validates: " + dir.resolve("cryptography.md")
                + ": controls[0]: unknown control ID 'ISO27001:A.9.99'", r.summary());
    }

    @Test
    void accessReviewFlagsInactiveAccountsUnreviewedRolesAndExpiredTokens() {
        Api.exec(db, "DELETE FROM collector_token WHERE label = 'access-review-test'");
        Api.exec(db, "UPDATE staff_account SET enabled = false WHERE username LIKE 'stale-%'");
        Api.run("t-access").then().statusCode(200).body("status", is("pass"));
        Api.exec(db, "INSERT INTO staff_account (username, password_hash, roles, created_at, last_login_at, roles_reviewed_at)"
                + " VALUES ('stale-user', 'x', '{auditor}', now() - interval '400 days', now() - interval '120 days', now() - interval '200 days')"
                + " ON CONFLICT (username) DO UPDATE SET enabled = true");
        Api.exec(db, "INSERT INTO collector_token (collector_id, label, token_sha256, created_at, created_by, expires_at)"
                + " VALUES ('t-pushed', 'access-review-test', sha256('x'::bytea), now() - interval '10 days', 'admin', now() - interval '1 day')");
        JsonPath r = Api.run("t-access").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertEquals("1 enabled accounts inactive for over 90 days; 1 accounts with roles not reviewed within 180 days;"
                + " 1 expired service tokens not revoked", r.getString("summary"));
        assertEquals("stale-user", r.getString("payload.inactive_accounts[0].username"));
        Api.exec(db, "UPDATE staff_account SET enabled = false WHERE username = 'stale-user'");
        Api.exec(db, "UPDATE collector_token SET revoked_at = now(), revoked_by = 'test' WHERE label = 'access-review-test'");
        Api.run("t-access").then().statusCode(200).body("status", is("pass"));
    }

    @Test
    void aCollectorThatThrowsBecomesAnErrorRun() {
        Api.run("t-throws").then().statusCode(200).body("status", is("error"))
                .body("summary", equalTo("test-throws check failed with IllegalStateException: simulated collector crash"))
                .body("payload.exception", is("java.lang.IllegalStateException"));
    }

    @Test
    void runHistoryIsNewestFirstAndLimited() {
        long first = Api.run("t-cmd-true").then().statusCode(200).extract().jsonPath().getLong("id");
        long second = Api.run("t-cmd-true").then().statusCode(200).extract().jsonPath().getLong("id");
        JsonPath h = io.restassured.RestAssured.given().cookie("tl_session", Api.admin()).queryParam("limit", 2)
                .get("/api/v1/collectors/t-cmd-true/runs").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(second, first), h.getList("id", Long.class));
        assertEquals(64, h.getString("[0].payload_sha256").length());
        assertTrue(h.getList("[0].controls").contains("ISO27001:A.8.16"));
    }
}
