package org.trustledger.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.console.ConsoleSignIn;

/** The console's DSR queue and case pages: filters, paging, overdue marks, every state change, refused forms, roles. */
@QuarkusTest
class DsrCasePagesTest {

    private static final String QUEUE = "/staff/privacy/requests";

    @Inject
    EntityManager em;

    private ConsoleSignIn.Session privacy;

    @BeforeEach
    void signIn() {
        privacy = ConsoleSignIn.session("privacy");
    }

    private long newCase(String email, String type, String jurisdiction) {
        return Dsr.caseId(em, Dsr.submit(email, type, jurisdiction));
    }

    private void sql(String statement, long id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter(1, id).executeUpdate());
    }

    private String status(long id) {
        return (String) em.createNativeQuery("SELECT status FROM dsr_case WHERE id = ?1").setParameter(1, id).getSingleResult();
    }

    private long events(long id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM dsr_case_event WHERE case_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue();
    }

    @Test
    void theQueueListsOpenCasesByDeadlineAndMarksTheOverdueOnes() {
        long late = newCase("queue-late@example.org", "opt_out", "US_CCPA");
        long fresh = newCase("queue-fresh@example.org", "opt_out", "US_CCPA");
        long done = newCase("queue-done@example.org", "opt_out", "US_CCPA");
        sql("UPDATE dsr_case SET received_at = now() - interval '60 days', due_at = now() - interval '15 days' WHERE id = ?1", late);
        sql("UPDATE dsr_case SET status = 'completed' WHERE id = ?1", done);
        try {
            String page = Console.get(privacy, QUEUE + "?type=opt_out").then().statusCode(200).extract().asString();
            int lateAt = page.indexOf(">Case " + late + "<");
            int freshAt = page.indexOf(">Case " + fresh + "<");
            assertTrue(lateAt > 0 && freshAt > lateAt, "the overdue case comes first");
            assertTrue(!page.contains(">Case " + done + "<"), "closed cases are not in the default (open) queue");
            String lateRow = page.substring(page.lastIndexOf("<tr", lateAt), page.indexOf("</tr>", lateAt));
            assertTrue(lateRow.contains("class=\"is-overdue\"") && lateRow.contains("Overdue:"), lateRow);
            String freshRow = page.substring(page.lastIndexOf("<tr", freshAt), page.indexOf("</tr>", freshAt));
            assertTrue(!freshRow.contains("Overdue") && freshRow.contains("Opt out of sale or sharing") && freshRow.contains("in 4"), freshRow);

            String all = Console.get(privacy, QUEUE + "?status=all&type=opt_out").then().statusCode(200).extract().asString();
            assertTrue(all.contains(">Case " + done + "<") && all.contains(">Case " + late + "<"));
            String completed = Console.get(privacy, QUEUE + "?status=completed&type=opt_out").then().statusCode(200).extract().asString();
            assertTrue(completed.contains(">Case " + done + "<") && !completed.contains(">Case " + late + "<"));
            assertTrue(!Console.get(privacy, QUEUE + "?type=know").asString().contains(">Case " + late + "<"));
            Console.get(privacy, QUEUE + "?status=closed").then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("aria-label=\"Console\""));
            Console.get(privacy, QUEUE + "?page=0").then().statusCode(400);
        } finally {
            sql("UPDATE dsr_case SET status = 'completed' WHERE id = ?1", late);
        }
    }

    @Test
    void theQueueIsPaginatedOnTheServer() {
        // Closed cases of one type keep the open queue, and other tests' views of it, untouched.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO dsr_case (token_sha256, email_hmac, email_key_id, request_type, jurisdiction, status, received_at, due_at, updated_at)
                SELECT decode(md5('page-token' || g || clock_timestamp()) || md5('x' || g || clock_timestamp()), 'hex'),
                       decode(md5('page-mail' || g) || md5('y' || g), 'hex'), '0000abcd', 'automated_decision', 'CH_FADP', 'rejected',
                       now() - interval '1 day', now() + (g || ' hours')::interval, now()
                FROM generate_series(1, 55) g""").executeUpdate());
        String first = Console.get(privacy, QUEUE + "?status=rejected&type=automated_decision").then().statusCode(200).extract().asString();
        assertEquals(DsrCasePages.PAGE_SIZE, first.split("<tr").length - 2, "a full first page (header row excluded)");
        assertTrue(first.contains("href=\"/staff/privacy/requests?status=rejected&amp;type=automated_decision&amp;page=2\""), "next link keeps the filters");
        String second = Console.get(privacy, QUEUE + "?status=rejected&type=automated_decision&page=2").then().statusCode(200).extract().asString();
        assertTrue(second.contains("rel=\"prev\""));
        assertTrue(!second.split("<tbody>")[1].split("</tbody>")[0].contains("Opt out"), "filters hold on page 2");
    }

    @Test
    void aPrivacyOfficerMovesACaseThroughEveryStatusWithHistory() {
        long id = newCase("steps@example.org", "erasure", "EU_GDPR");
        String page = Console.get(privacy, QUEUE + "/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"to\" value=\"verifying\"") && page.contains("name=\"to\" value=\"rejected\"")
                && !page.contains("value=\"completed\""), "only the moves the status allows are offered");

        Console.post(privacy, QUEUE + "/" + id + "/transition", "to", "verifying", "note", "ID requested").then().statusCode(303)
                .header("Location", endsWith(QUEUE + "/" + id + "?done=verifying"));
        assertEquals("verifying", status(id));
        Console.post(privacy, QUEUE + "/" + id + "/transition", "to", "in_progress").then().statusCode(303);
        Console.post(privacy, QUEUE + "/" + id + "/transition", "to", "completed", "note", "Erased from the CRM").then().statusCode(303);
        assertEquals("completed", status(id));
        String after = Console.get(privacy, QUEUE + "/" + id + "?done=completed").then().statusCode(200).extract().asString();
        assertTrue(after.contains("Status changed to completed.") && after.contains("Status: In progress → Completed")
                && after.contains("Erased from the CRM") && after.contains("Request received") && after.contains("test-privacy"), after);
        assertTrue(!after.contains("/transition\"") && !after.contains("/extend\""), "a closed case offers no forms");
    }

    @Test
    void refusedChangesShowTheCasePageAgainWithTheFieldMarkedAndChangeNothing() {
        long id = newCase("refused@example.org", "access", "EU_GDPR");
        Console.post(privacy, QUEUE + "/" + id + "/transition", "to", "rejected", "note", "").then().statusCode(422)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Case " + id + ": Access to my data</h1>"), containsString("aria-invalid=\"true\" aria-describedby=\"note-error\""),
                        containsString("is required when rejecting"));
        Console.post(privacy, QUEUE + "/" + id + "/transition", "to", "verifying", "note", "bell\u0007 kept").then().statusCode(400)
                .body(containsString("id=\"note-error\""), containsString("bell\u0007 kept"));
        Console.post(privacy, QUEUE + "/" + id + "/transition", "to", "completed").then().statusCode(409)
                .body(containsString("cannot move to completed"));
        Console.post(privacy, QUEUE + "/" + id + "/extend", "reason", "   ").then().statusCode(400)
                .body(containsString("aria-describedby=\"reason-error\""));
        assertEquals("received", status(id));
        assertEquals(1, events(id));
        assertNull(em.createNativeQuery("SELECT extended_until FROM dsr_case WHERE id = ?1").setParameter(1, id).getSingleResult());
        Console.post(privacy, QUEUE + "/99999999/transition", "to", "verifying").then().statusCode(404).contentType(containsString("text/html"));
        Console.get(privacy, QUEUE + "/not-a-case").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void theExtensionIsOfferedOnceAndWhereTheLawHasOne() {
        long id = newCase("extend@example.org", "know", "US_CCPA");
        Console.post(privacy, QUEUE + "/" + id + "/extend", "reason", "Many requests this month").then().statusCode(303)
                .header("Location", endsWith(QUEUE + "/" + id + "?done=extended"));
        String page = Console.get(privacy, QUEUE + "/" + id + "?done=extended").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Deadline extended.") && page.contains("Many requests this month") && page.contains("Original deadline")
                && page.contains("already been extended") && !page.contains("/extend\""), page);
        Console.post(privacy, QUEUE + "/" + id + "/extend", "reason", "again").then().statusCode(409).body(containsString("one extension"));
        long swiss = newCase("extend-ch@example.org", "access", "CH_FADP");
        Console.get(privacy, QUEUE + "/" + swiss).then().statusCode(200).body(containsString("sets no extension"), not(containsString("/extend\"")));
    }

    @Test
    void searchFindsARequestersCasesWithoutTheAddressInTheUrl() {
        long id = newCase("Find.Me@Example.org", "portability", "UK_GDPR");
        Console.post(privacy, QUEUE + "/search", "email", "  find.me@example.ORG ").then().statusCode(200)
                .body(containsString(">Case " + id + "<"), containsString("Cases of this requester"));
        Console.post(privacy, QUEUE + "/search", "email", "nobody-here@example.org").then().statusCode(200)
                .body(containsString("No case was filed with this email address."));
        Console.post(privacy, QUEUE + "/search", "email", "").then().statusCode(400).body(containsString("aria-describedby=\"email-error\""));
    }

    @Test
    void otherRolesAreRefused() {
        long id = newCase("roles-pages@example.org", "access", "EU_GDPR");
        for (String role : new String[] {"compliance", "auditor"}) {
            ConsoleSignIn.Session s = ConsoleSignIn.session(role);
            Console.get(s, QUEUE).then().statusCode(403);
            Console.get(s, QUEUE + "/" + id).then().statusCode(403);
            Console.post(s, QUEUE + "/" + id + "/transition", "to", "verifying").then().statusCode(403).contentType(containsString("text/html"));
            Console.post(s, QUEUE + "/" + id + "/extend", "reason", "x").then().statusCode(403);
            Console.post(s, QUEUE + "/search", "email", "roles-pages@example.org").then().statusCode(403);
        }
        assertEquals("received", status(id));
        Console.post(ConsoleSignIn.session("admin"), QUEUE + "/" + id + "/transition", "to", "verifying").then().statusCode(303);
        assertEquals("verifying", status(id));
    }
}
