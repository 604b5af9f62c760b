package org.trustledger.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.TestDb;
import org.trustledger.collect.CollectorRuns;
import org.trustledger.collect.Coverage;
import org.trustledger.ledger.EvidenceLedger;

/** The dashboard's figures, its coverage history and what each role gets to see. */
@QuarkusTest
@TestProfile(ConsoleDataProfile.class)
class DashboardTest {

    @Inject
    EvidenceLedger ledger;
    @Inject
    Coverage figures;
    @Inject
    CollectorRuns latestRuns;
    @Inject
    CoverageSnapshots snapshots;

    @BeforeEach
    void data() throws SQLException {
        ConsoleData.ensure(ledger);
    }

    private static String page(String role) {
        return given().cookie("tl_session", role.equals("admin") ? Staff.admin() : Staff.withRole(role)).get("/staff").then().statusCode(200)
                .extract().asString();
    }

    private static JsonPath api(String framework) {
        return given().cookie("tl_session", Staff.admin()).get("/api/v1/frameworks/" + framework + "/coverage").then().statusCode(200)
                .extract().jsonPath();
    }

    record Row(int applicable, int covered, int passing, int failing, int stale, Instant takenAt) {
    }

    private static Row stored(String framework, LocalDate day) throws SQLException {
        try (Connection c = TestDb.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT applicable, covered, passing, failing, stale, taken_at FROM coverage_snapshot WHERE day = ? AND framework = ?")) {
            ps.setObject(1, day);
            ps.setString(2, framework);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant())
                        : null;
            }
        }
    }

    @Test
    void boundedFiguresAreTheCoverageApisTotals() {
        List<Coverage.Figures> all = figures.figures(latestRuns.latestAll(), Instant.now());
        assertEquals(List.of("iso27001", "soc2", "gdpr"), all.stream().map(Coverage.Figures::framework).toList());
        for (Coverage.Figures f : all) {
            JsonPath t = api(f.framework());
            assertEquals(List.of(t.getInt("totals.applicable"), t.getInt("totals.covered"), t.getInt("totals.passing"), t.getInt("totals.failing"),
                    t.getInt("totals.stale")), List.of(f.applicable(), f.covered(), f.passing(), f.failing(), f.stale()), f.framework());
            assertTrue(f.failing() > 0 && f.passing() > 0 && f.stale() > 0, "the seeded data has every state: " + f);
        }
    }

    @Test
    void todaysFiguresAreStoredOnceAndRewrittenOnlyWhenTheyChange() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        page("auditor");
        Row first = stored("iso27001", today);
        JsonPath iso = api("iso27001");
        assertEquals(new Row(iso.getInt("totals.applicable"), iso.getInt("totals.covered"), iso.getInt("totals.passing"),
                iso.getInt("totals.failing"), iso.getInt("totals.stale"), first.takenAt()), first);
        page("compliance");
        assertEquals(first, stored("iso27001", today), "unchanged figures leave the row alone");

        // t-tia-currency has never run and is the only check of ISO27001:A.5.20: running it turns that control from stale
        // to passing or failing, so today's figures change.
        given().cookie("tl_session", Staff.admin()).contentType(ContentType.JSON).post("/api/v1/collectors/t-tia-currency/run").then().statusCode(200);
        page("auditor");
        Row after = stored("iso27001", today);
        iso = api("iso27001");
        assertEquals(List.of(iso.getInt("totals.passing"), iso.getInt("totals.failing"), iso.getInt("totals.stale")),
                List.of(after.passing(), after.failing(), after.stale()));
        assertNotEquals(List.of(first.passing(), first.failing(), first.stale()), List.of(after.passing(), after.failing(), after.stale()));
    }

    @Test
    void instancesWritingTheSameDayAtOnceLeaveOneRowPerFramework() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        List<Coverage.Figures> current = figures.figures(latestRuns.latestAll(), Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            done.add(pool.submit(() -> {
                go.await();
                snapshots.save(day, current, Instant.now());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(3, ConsoleData.count("SELECT count(*) FROM coverage_snapshot WHERE day = '" + day + "'"));
        assertEquals(1, ConsoleData.count("SELECT count(*) FROM qrtz_triggers t JOIN qrtz_cron_triggers ct USING (sched_name, trigger_name, trigger_group)"
                + " WHERE t.trigger_name LIKE '%coverage-snapshot%'"), "the hourly snapshot job is in the clustered job store");
    }

    @Test
    void theTrendShowsStoredDaysAndNoDataBeforeThem() {
        String html = page("compliance");
        // 18 seeded days and today have data; the 11 days before them do not, for each of the three frameworks.
        assertEquals(33, count(html, "<td colspan=\"3\" class=\"muted\">no data</td>"));
        assertEquals(3, count(html, "<svg class=\"dash-trend\""));
        assertEquals(3 * 11, count(html, "<rect class=\"trend-none\""));
        assertTrue(html.contains("19 of 30 days have data, none before "), html);
        assertTrue(html.contains("aria-labelledby=\"trend-iso27001-title trend-iso27001-desc\"")
                && html.contains("<title id=\"trend-iso27001-title\">") && html.contains("<desc id=\"trend-iso27001-desc\">"), html);
    }

    @Test
    void eachRoleSeesWhatItMayOpen() {
        String privacy = page("privacy");
        assertFalse(privacy.contains("Control coverage"), "coverage is for evidence readers");
        assertFalse(privacy.contains("Open gaps"));
        assertTrue(privacy.contains("href=\"/staff/privacy/requests/"), "privacy officers handle requests");
        assertTrue(privacy.contains("notify the supervisory authority"), privacy);
        assertTrue(privacy.contains("DPIA review"));
        assertFalse(privacy.contains("Token expires"));
        assertFalse(privacy.contains("/staff/ledger/verify"), "privacy officers may not run the ledger check");

        String auditor = page("auditor");
        assertTrue(auditor.contains("Control coverage") && auditor.contains("Open gaps"));
        assertTrue(auditor.contains("href=\"/staff/gaps?status=open&amp;severity=low\""), auditor);
        assertTrue(auditor.contains("Evidence goes stale") && auditor.contains("href=\"/staff/collectors/t-sql-pass\""));
        assertTrue(auditor.contains("Upload expires") && auditor.contains("href=\"/staff/collectors/t-manual\""));
        assertFalse(auditor.contains("/staff/privacy/requests/"), "auditors cannot open requests");
        assertFalse(auditor.contains("Token expires"));
        assertTrue(auditor.contains("action=\"/staff/ledger/verify\""));

        String admin = page("admin");
        assertTrue(admin.contains("Token expires") && admin.contains("Token \u201cCI pipeline\u201d of collector t-pushed"), admin);
        assertTrue(admin.contains("href=\"/staff/privacy/requests/"));
        assertTrue(admin.contains("Last sealed day"));
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
