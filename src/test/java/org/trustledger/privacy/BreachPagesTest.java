package org.trustledger.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.console.ConsoleSignIn;

/** The console's breach pages: recording, clocks, notifications, editing, closing, refused forms and roles. */
@QuarkusTest
class BreachPagesTest {

    static final String BREACHES = "/staff/privacy/breaches";

    @Inject
    EntityManager em;

    private ConsoleSignIn.Session privacy;

    @BeforeEach
    void signIn() {
        privacy = ConsoleSignIn.session("privacy");
    }

    /** A datetime-local value (UTC) {@code ago} before now, as a browser sends it. */
    static String ago(Duration ago) {
        return LocalDateTime.ofInstant(Instant.now().minus(ago), ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"));
    }

    /** Records a controller's high-risk personal data breach through the form; returns its id. */
    static long record(ConsoleSignIn.Session s, String title, Duration awareAgo) {
        String location = Console.post(s, BREACHES, "title", title, "description", "Backup bucket was public.\nAbout 300 customers.",
                "aware_at", ago(awareAgo), "personal_data_affected", "true", "our_role", "controller", "high_risk_to_subjects", "true",
                "authority_notification_required", "", "no_authority_notification_reason", "", "delay_reason", "")
                .then().statusCode(303).header("Location", matchesPattern(".*/staff/privacy/breaches/\\d+\\?done=created")).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/breaches/(\\d+)\\?.*", "$1"));
    }

    private String counts() {
        return Registers.counts(em, "breach", "register_revision");
    }

    @Test
    void aBreachRecordedThroughTheFormShowsAClockForEveryRequiredNotification() {
        long id = record(privacy, "Public backup bucket", Duration.ofHours(80));
        String page = Console.get(privacy, BREACHES + "/" + id + "?done=created").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Breach recorded.") && page.contains("<h1>Breach " + id + ": Public backup bucket</h1>"), page);
        assertTrue(page.contains("Supervisory authority (Art. 33(1))") && page.contains("Data subjects (Art. 34)")
                && !page.contains("Controllers we process for"), "controller's high-risk breach: authority and subjects");
        assertTrue(page.matches("(?s).*class=\"sla-clock overdue\" data-due=\"[0-9T:-]+Z\" data-now=\"[0-9T:-]+Z\">overdue by 8 h [01] min<.*"),
                "the authority's 72 hours ran out 8 hours ago");
        assertTrue(page.matches("(?s).*class=\"sla-clock\" data-due=\"[^\"]+\" data-now=\"[^\"]+\">10 d 1[56] h left<.*"),
                "the subjects' 14 days run for 10 more days");
        assertTrue(page.contains("Backup bucket was public.\nAbout 300 customers.") && page.contains("src=\"/assets/sla-clocks.js\""));
        String list = Console.get(privacy, BREACHES + "?status=open").then().statusCode(200).extract().asString();
        assertTrue(list.contains("href=\"/staff/privacy/breaches/" + id + "\">Public backup bucket</a>") && list.contains("overdue by"));
        assertTrue(!Console.get(privacy, BREACHES + "?status=closed").asString().contains("/staff/privacy/breaches/" + id + "\""));
        Console.get(privacy, BREACHES + "?status=gone").then().statusCode(400);
    }

    @Test
    void refusedBreachFormsComeBackWithTheFieldsMarkedAndTheInputKept() {
        String before = counts();
        Console.post(privacy, BREACHES, "title", "", "description", "kept text", "aware_at", ago(Duration.ofHours(1)), "our_role", "controller")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("<h1>Record a breach</h1>"), containsString("aria-describedby=\"title-error\""),
                        containsString("id=\"personal_data_affected-error\""), containsString(">kept text</textarea>"),
                        containsString("value=\"controller\" checked"));
        Console.post(privacy, BREACHES, "title", "Future", "aware_at", ago(Duration.ofHours(-5)), "personal_data_affected", "false",
                "our_role", "processor").then().statusCode(422).body(containsString("must not be in the future"), containsString("aria-describedby=\"aware_at-error\""));
        Console.post(privacy, BREACHES, "title", "No reason", "aware_at", ago(Duration.ofHours(1)), "personal_data_affected", "true",
                "our_role", "controller", "authority_notification_required", "false").then().statusCode(422)
                .body(containsString("aria-describedby=\"no_authority_notification_reason-error\""));
        Console.post(privacy, BREACHES, "title", "Bad time", "aware_at", "yesterday", "personal_data_affected", "true", "our_role", "controller")
                .then().statusCode(400).body(containsString("id=\"aware_at-error\""), containsString("value=\"yesterday\""));
        assertEquals(before, counts());
    }

    @Test
    void notificationsAreRecordedAndALateOneNeedsItsReasons() {
        long id = record(privacy, "Laptop stolen", Duration.ofHours(90));
        String before = counts();
        Console.post(privacy, BREACHES + "/" + id + "/notifications", "party", "authority", "at", "", "delay_reason", "").then().statusCode(422)
                .body(containsString("aria-describedby=\"delay_reason-error\""), containsString("more than 72 hours"),
                        containsString("value=\"authority\" selected"));
        Console.post(privacy, BREACHES + "/" + id + "/close", "note", "").then().statusCode(409)
                .body(containsString("missing: authority, subjects"));
        assertEquals(before, counts());
        Console.post(privacy, BREACHES + "/" + id + "/notifications", "party", "authority", "at", ago(Duration.ofHours(2)),
                "delay_reason", "The extent was unclear until the laptop's disk encryption was checked.").then().statusCode(303);
        Console.post(privacy, BREACHES + "/" + id + "/notifications", "party", "subjects", "at", "", "delay_reason", "").then().statusCode(303);
        String page = Console.get(privacy, BREACHES + "/" + id + "?done=notified").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Notification recorded.") && page.contains(">Late<") && page.contains("notified 16 h") && page.contains("On time")
                && !page.contains("Record a notification"), "both recorded, no party left to notify");
        Console.post(privacy, BREACHES + "/" + id + "/close", "note", "Done; lessons in the post-incident review.").then().statusCode(303);
        String closed = Console.get(privacy, BREACHES + "/" + id).then().statusCode(200).extract().asString();
        assertTrue(closed.contains("<dt>Status</dt><dd>Closed") && closed.contains("Done; lessons in the post-incident review.")
                && !closed.contains("/close\"") && !closed.contains("/edit\""), "a closed breach offers no forms");
    }

    @Test
    void editingABreachIsARevisionInItsHistory() {
        long id = record(privacy, "Misdirected email", Duration.ofHours(3));
        String form = Console.get(privacy, BREACHES + "/" + id + "/edit").then().statusCode(200).extract().asString();
        assertTrue(form.contains("value=\"Misdirected email\"") && form.contains("name=\"personal_data_affected\" value=\"true\" checked")
                && form.contains("id=\"high_risk_to_subjects\" type=\"checkbox\" name=\"high_risk_to_subjects\" value=\"true\" checked"), form);
        String before = counts();
        Console.post(privacy, BREACHES + "/" + id, "title", " ", "aware_at", ago(Duration.ofHours(3)), "personal_data_affected", "true",
                "our_role", "controller").then().statusCode(400).body(containsString("<h1>Edit breach " + id + "</h1>"),
                        containsString("aria-describedby=\"title-error\""));
        assertEquals(before, counts());
        Console.post(privacy, BREACHES + "/" + id, "title", "Misdirected email to a supplier", "description", "", "aware_at", ago(Duration.ofHours(3)),
                "personal_data_affected", "true", "our_role", "controller", "high_risk_to_subjects", "true").then().statusCode(303);
        String page = Console.get(privacy, BREACHES + "/" + id + "?done=updated").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Breach updated.") && page.contains("<strong>Title</strong>: Misdirected email → Misdirected email to a supplier")
                && page.contains(">Updated<") && page.contains(">Created<"), page);
        Console.get(privacy, BREACHES + "/99999999/edit").then().statusCode(404);
    }

    @Test
    void everyRoleReadsOnlyPrivacyAndAdminWrite() {
        long id = record(privacy, "Roles check", Duration.ofHours(1));
        for (String role : new String[] {"compliance", "auditor"}) {
            ConsoleSignIn.Session s = ConsoleSignIn.session(role);
            Console.get(s, BREACHES).then().statusCode(200).body(not(containsString("/staff/privacy/breaches/new")));
            Console.get(s, BREACHES + "/" + id).then().statusCode(200).body(not(containsString("<form method=\"post\" action=\"/staff/privacy/breaches")));
            Console.get(s, BREACHES + "/new").then().statusCode(403);
            Console.get(s, BREACHES + "/" + id + "/edit").then().statusCode(403);
            String before = counts();
            Console.post(s, BREACHES, "title", "x", "aware_at", ago(Duration.ofHours(1)), "personal_data_affected", "false", "our_role", "processor")
                    .then().statusCode(403).contentType(containsString("text/html"));
            Console.post(s, BREACHES + "/" + id, "title", "x").then().statusCode(403);
            Console.post(s, BREACHES + "/" + id + "/notifications", "party", "authority").then().statusCode(403);
            Console.post(s, BREACHES + "/" + id + "/close", "note", "").then().statusCode(403);
            assertEquals(before, counts());
        }
        Console.get(ConsoleSignIn.session("admin"), BREACHES + "/new").then().statusCode(200);
    }
}
