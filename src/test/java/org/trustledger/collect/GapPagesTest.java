package org.trustledger.collect;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.browser.WebCheck;
import org.trustledger.common.DomainException;
import org.trustledger.console.ConsoleSignIn;

/** The gap board (filters, sorts, pages) and a gap's page (assign, close): each form's success, refusal and wrong role. */
@QuarkusTest
class GapPagesTest {

    @Inject
    DataSource db;
    @Inject
    Gaps gaps;
    @Inject
    GapBoard board;

    /** Open gaps of every severity under their own sources, so the board has something to sort. */
    private List<Long> seed(String prefix) {
        List<Long> ids = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < 12; i++) {
            List<String> controls = i % 2 == 0 ? List.of("ISO27001:A.8.9") : List.of("SOC2:CC7.2", "GDPR:Art.32");
            ids.add(gaps.open(prefix + i, controls, severities[i % 4], "seeded gap " + i + " for the board").id());
        }
        return ids;
    }

    @Test
    void theBoardFiltersSortsAndPagesOnTheServer() {
        ConsoleSignIn.Session auditor = ConsoleSignIn.session("auditor");
        List<Long> seeded = seed("test:board:" + System.nanoTime() + ":");
        List<Gap> bySeverity = board.search(new GapBoard.Query("open", null, null, null, null, null, "severity", "desc"), 0, 500);
        for (int i = 1; i < bySeverity.size(); i++) {
            assertTrue(bySeverity.get(i - 1).severity().compareTo(bySeverity.get(i).severity()) >= 0, "most severe first");
        }
        List<Gap> oldestFirst = board.search(new GapBoard.Query("all", null, null, null, null, null, "opened", "asc"), 0, 500);
        assertEquals(oldestFirst.stream().sorted(Comparator.comparing(Gap::openedAt).thenComparing(Gap::id)).toList(), oldestFirst);
        List<Gap> lastSeen = board.search(new GapBoard.Query(null, null, null, null, null, null, "last_seen", null), 0, 500);
        assertEquals(lastSeen.stream().sorted(Comparator.comparing(Gap::lastSeenAt).thenComparing(Gap::id).reversed()).toList(), lastSeen);

        // Pages of 5 cover the open gaps once each, in order.
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; ; offset += 5) {
            List<Gap> page = board.search(new GapBoard.Query("open", null, null, null, null, null, "severity", null), offset, 5);
            page.forEach(g -> paged.add(g.id()));
            if (page.size() < 5) {
                break;
            }
        }
        assertEquals(bySeverity.stream().map(Gap::id).toList(), paged);
        assertTrue(paged.containsAll(seeded));

        List<Gap> soc2 = board.search(new GapBoard.Query("open", null, "soc2", null, null, null, null, null), 0, 500);
        assertTrue(soc2.stream().allMatch(g -> g.controls().stream().anyMatch(c -> c.startsWith("SOC2:"))));
        assertTrue(soc2.stream().map(Gap::id).toList().containsAll(List.of(seeded.get(1), seeded.get(3))));
        assertFalse(soc2.stream().map(Gap::id).toList().contains(seeded.get(0)));
        List<Gap> control = board.search(new GapBoard.Query("open", "critical", null, "GDPR:Art.32", null, null, null, null), 0, 500);
        assertTrue(control.stream().allMatch(g -> g.controls().contains("GDPR:Art.32") && g.severity() == Severity.CRITICAL));
        assertTrue(control.stream().map(Gap::id).toList().contains(seeded.get(3)));
        gaps.assignTo(seeded.get(5), "test-auditor", "staff:admin");
        assertEquals(List.of(seeded.get(5)), board.search(new GapBoard.Query("open", null, null, "GDPR:Art.32", "test-auditor", null, null, null), 0, 50)
                .stream().map(Gap::id).filter(seeded::contains).toList());

        DomainException refused = assertThrows(DomainException.class, () -> board.search(
                new GapBoard.Query("maybe", "urgent", "nist", "XX:1", "Not A User", null, "name", "up"), 0, 10));
        assertEquals(Set.of("status", "severity", "framework", "control", "assignee", "sort", "dir"),
                new HashSet<>(refused.violations().stream().map(DomainException.Violation::field).toList()));

        String html = CollectorPagesTest.page(auditor).get("/staff/gaps?severity=critical&sort=severity&framework=gdpr").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("href=\"/staff/gaps/" + seeded.get(3) + "\"") && !html.contains("href=\"/staff/gaps/" + seeded.get(1) + "\""));
        String bad = CollectorPagesTest.page(auditor).get("/staff/gaps?status=maybe&control=XX:1").then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(bad.contains("aria-describedby=\"status-error\"") && bad.contains("aria-describedby=\"control-error\"") && bad.contains("value=\"XX:1\""));
        CollectorPagesTest.page(ConsoleSignIn.session("privacy")).get("/staff/gaps").then().statusCode(403);
        CollectorPagesTest.page(auditor).get("/staff/gaps/99999999").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void staffAssignAndCloseAGapThroughItsForms() {
        long id = seed("test:forms:" + System.nanoTime() + ":").get(2);
        ConsoleSignIn.Session compliance = ConsoleSignIn.session("compliance");
        String events = "SELECT count(*) FROM gap_event WHERE gap_id = " + id;
        long before = Api.count(db, events);

        CollectorPagesTest.form(compliance).formParam("assignee", "Not A User!").post("/staff/gaps/" + id + "/assign").then().statusCode(400)
                .body(containsString("aria-describedby=\"assignee-error\""), containsString("value=\"Not A User!\""));
        CollectorPagesTest.form(compliance).formParam("assignee", "nobody-here").post("/staff/gaps/" + id + "/assign").then().statusCode(422)
                .body(containsString("no enabled staff account with this username"));
        CollectorPagesTest.form(ConsoleSignIn.session("auditor")).formParam("assignee", "test-auditor").post("/staff/gaps/" + id + "/assign")
                .then().statusCode(403).contentType(containsString("text/html"));
        assertEquals(before, Api.count(db, events));
        assertEquals(null, Api.string(db, "SELECT assignee FROM gap WHERE id = " + id));

        CollectorPagesTest.form(compliance).formParam("assignee", "test-auditor").post("/staff/gaps/" + id + "/assign").then().statusCode(303)
                .header("Location", containsString("/staff/gaps/" + id + "?notice=assigned"));
        assertEquals("test-auditor", Api.string(db, "SELECT assignee FROM gap WHERE id = " + id));

        CollectorPagesTest.form(compliance).formParam("resolution", "   ").post("/staff/gaps/" + id + "/close").then().statusCode(400)
                .body(containsString("aria-describedby=\"resolution-error\""));
        CollectorPagesTest.form(ConsoleSignIn.session("auditor")).formParam("resolution", "done").post("/staff/gaps/" + id + "/close").then()
                .statusCode(403);
        assertEquals("open", Api.string(db, "SELECT status FROM gap WHERE id = " + id));

        CollectorPagesTest.form(compliance).formParam("resolution", "Risk accepted by the CISO until Q2").post("/staff/gaps/" + id + "/close")
                .then().statusCode(303).header("Location", containsString("/staff/gaps/" + id + "?notice=closed"));
        assertEquals("closed staff:test-compliance Risk accepted by the CISO until Q2",
                Api.string(db, "SELECT status || ' ' || closed_by || ' ' || resolution FROM gap WHERE id = " + id));
        assertEquals(before + 2, Api.count(db, events));
        CollectorPagesTest.form(compliance).formParam("resolution", "again").post("/staff/gaps/" + id + "/close").then().statusCode(409)
                .contentType(containsString("text/html"));
        CollectorPagesTest.page(compliance).get("/staff/gaps/" + id + "?notice=closed").then().statusCode(200)
                .body(containsString("Gap closed."), containsString("Risk accepted by the CISO until Q2"), containsString("<td>assigned</td>"));
    }

    @Test
    void everyGapPageIsValidHtmlWithDataAndInItsErrorStates() throws Exception {
        List<Long> ids = seed("test:html:" + System.nanoTime() + ":");
        Api.run("t-cmd-false").then().statusCode(200);
        long collectorGap = gaps.findOpen("t-cmd-false").orElseThrow().id();
        ConsoleSignIn.Session admin = ConsoleSignIn.session("admin");
        gaps.closeWithResolution(ids.get(0), "Fixed <script>alert(1)</script>", "staff:admin");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("gaps-list", CollectorPagesTest.page(admin).get("/staff/gaps?sort=severity").asString());
        pages.put("gaps-list-all", CollectorPagesTest.page(admin).get("/staff/gaps?status=all&page=1").asString());
        pages.put("gaps-list-refused", CollectorPagesTest.page(admin).get("/staff/gaps?severity=urgent&assignee=No+One&dir=sideways").asString());
        pages.put("gap-collector", CollectorPagesTest.page(admin).get("/staff/gaps/" + collectorGap).asString());
        pages.put("gap-closed", CollectorPagesTest.page(admin).get("/staff/gaps/" + ids.get(0)).asString());
        pages.put("gap-assign-refused", CollectorPagesTest.form(admin).formParam("assignee", "nobody-here").post("/staff/gaps/" + ids.get(1) + "/assign")
                .asString());
        pages.put("gap-close-refused", CollectorPagesTest.form(admin).formParam("resolution", "x".repeat(2001)).post("/staff/gaps/" + ids.get(1) + "/close")
                .asString());
        pages.put("gap-auditor", CollectorPagesTest.page(ConsoleSignIn.session("auditor")).get("/staff/gaps/" + ids.get(1)).asString());
        assertTrue(pages.get("gap-collector").contains("href=\"/staff/collectors/t-cmd-false\""), "the source links to its collector");
        assertTrue(pages.get("gap-closed").contains("Fixed &lt;script&gt;"), "escaped");
        assertFalse(pages.get("gap-auditor").contains("Close gap"), "auditors read only");
        WebCheck.validHtml(pages);
    }
}
