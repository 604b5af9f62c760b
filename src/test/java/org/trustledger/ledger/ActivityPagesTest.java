package org.trustledger.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.TestDb;
import org.trustledger.console.ConsoleData;
import org.trustledger.console.ConsoleDataProfile;
import org.trustledger.console.ConsoleSignIn;
import org.trustledger.tlog.Codec;

/** {@code /staff/activity}: filters, paging, validation and roles; and the indexes that keep every filter fast. */
@QuarkusTest
@TestProfile(ConsoleDataProfile.class)
class ActivityPagesTest {

    private static final String ACTOR = "activity-tester";
    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td class=\"num\">(\\d+)</td>");

    @Inject
    EvidenceLedger ledger;
    @Inject
    GovernanceLog governance;

    @BeforeEach
    void data() throws SQLException {
        ConsoleData.ensure(ledger);
        if (ConsoleData.count("SELECT count(*) FROM governance_event WHERE actor = '" + ACTOR + "'") == 0) {
            for (int i = 0; i < 55; i++) {
                governance.record(i % 2 == 0 ? "console_test_even" : "console_test_odd", ACTOR, "item:" + i, Map.of("i", i));
            }
        }
    }

    private static String get(String query, int status) {
        return given().urlEncodingEnabled(false).cookie("tl_session", ConsoleSignIn.session("auditor").cookie()).accept("text/html").get("/staff/activity" + query)
                .then().statusCode(status).contentType(containsString("text/html")).extract().asString();
    }

    private static List<Long> seqs(String html) {
        List<Long> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    @Test
    void filtersByActorKindAndDaysNewestFirstFiftyAPage() throws SQLException {
        String first = get("?actor=" + ACTOR, 200);
        List<Long> page1 = seqs(first);
        assertEquals(50, page1.size());
        assertTrue(first.contains("href=\"/staff/activity?actor=" + ACTOR + "&amp;page=2\""), first);
        List<Long> page2 = seqs(get("?actor=" + ACTOR + "&page=2", 200));
        assertEquals(5, page2.size());
        List<Long> all = new ArrayList<>(page1);
        all.addAll(page2);
        List<Long> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Long.compare(b, a));
        assertEquals(sorted, all, "newest first");

        // Each event with its chain hash, as stored.
        long newest = page1.get(0);
        String hash;
        try (Connection c = TestDb.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT hash FROM governance_event WHERE seq = " + newest)) {
            rs.next();
            hash = Codec.toHex(rs.getBytes(1));
        }
        assertTrue(first.contains("<code class=\"hash\">" + hash + "</code>"));
        assertTrue(first.contains("<code class=\"activity-details\">{&quot;i&quot;:54}</code>"), first);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(27, seqs(get("?actor=" + ACTOR + "&kind=console_test_odd&from=" + today + "&to=" + today, 200)).size());
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String none = get("?actor=" + ACTOR + "&to=" + yesterday, 200);
        assertTrue(none.contains("No events match these filters."));
        assertTrue(get("?kind=console_test_even", 200).contains("<option value=\"console_test_even\" selected>"));
    }

    @Test
    void invalidFiltersComeBackMarkedWithTheInputKept() {
        String html = get("?actor=%20someone%20&kind=Not%20A%20Kind&from=2026-02-30&to=2026-01-01", 400);
        assertTrue(html.contains("The filters need correcting"));
        assertTrue(html.contains("<select id=\"kind\" name=\"kind\" aria-invalid=\"true\" aria-describedby=\"kind-error\">"), html);
        assertTrue(html.contains("<option value=\"Not A Kind\" selected>"), html);
        assertTrue(html.contains("id=\"from\" name=\"from\" type=\"text\" value=\"2026-02-30\" aria-invalid=\"true\""), html);
        assertFalse(html.contains("id=\"actor\" name=\"actor\" type=\"text\" value=\"someone\" aria-invalid"), "the actor is fine");
        assertTrue(html.contains("id=\"actor\" name=\"actor\" type=\"text\" value=\"someone\""));
        assertFalse(html.contains("<table class=\"activity\">"), "no results for invalid filters");

        String order = get("?from=2026-02-01&to=2026-01-01", 400);
        assertTrue(order.contains("<p class=\"field-error\" id=\"to-error\">must not be before the first day</p>"), order);
        assertTrue(get("?actor=" + "a".repeat(201), 400).contains("must be at most 200 characters"));
    }

    @Test
    void onlyTheRolesOfTheEventsApiMayOpenIt() {
        given().cookie("tl_session", ConsoleSignIn.session("privacy").cookie()).accept("text/html").get("/staff/activity").then()
                .statusCode(403).contentType(containsString("text/html")).body(not(containsString(ACTOR)));
        for (String role : List.of("admin", "compliance", "auditor")) {
            given().cookie("tl_session", ConsoleSignIn.session(role).cookie()).get("/staff/activity").then().statusCode(200);
        }
        given().accept("text/html").redirects().follow(false).get("/staff/activity").then().statusCode(303);
    }

    /** With sequential scans off, each filter combination must be answered in page order by an index: no sort node. */
    @Test
    void everyFilterCombinationReadsAnIndexInPageOrder() throws SQLException {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        String[][] filters = {{}, {"actor"}, {"kind"}, {"actor", "kind"}, {"from", "to"}, {"actor", "from", "to"}, {"kind", "from", "to"},
            {"actor", "kind", "from", "to"}};
        try (Connection c = TestDb.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
                s.execute("SET LOCAL enable_bitmapscan = off");
            }
            for (String[] f : filters) {
                List<String> where = new ArrayList<>();
                for (String name : f) {
                    where.add(switch (name) {
                        case "actor" -> "actor = ?";
                        case "kind" -> "kind = ?";
                        case "from" -> "occurred_at >= ?";
                        default -> "occurred_at < ?";
                    });
                }
                String sql = "EXPLAIN SELECT seq FROM governance_event" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY occurred_at DESC, seq DESC LIMIT 51 OFFSET 0";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 0;
                    for (String name : f) {
                        switch (name) {
                            case "actor" -> ps.setString(++i, ACTOR);
                            case "kind" -> ps.setString(++i, "console_test_odd");
                            case "from" -> ps.setObject(++i, from);
                            default -> ps.setObject(++i, to);
                        }
                    }
                    String plan = plan(ps);
                    assertFalse(plan.contains("Sort"), String.join(",", f) + ": " + plan);
                    assertTrue(plan.contains("governance_event_"), String.join(",", f) + ": " + plan);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    EXPLAIN SELECT id FROM dsr_case WHERE status NOT IN ('completed', 'rejected') AND COALESCE(extended_until, due_at) <= now()
                    ORDER BY COALESCE(extended_until, due_at), id LIMIT 11
                    """)) {
                String plan = plan(ps);
                assertTrue(plan.contains("dsr_case_open_due") && !plan.contains("Sort"), plan);
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT severity, count(*) FROM gap WHERE status = 'open' GROUP BY severity")) {
                String plan = plan(ps);
                assertTrue(plan.contains("gap_open_severity"), plan);
            }
            c.rollback();
        }
    }

    private static String plan(PreparedStatement ps) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
