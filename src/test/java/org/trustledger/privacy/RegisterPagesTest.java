package org.trustledger.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.console.ConsoleSignIn;

/** The console's register pages: consents, DPIAs and privacy notices, with their forms, refusals, history and roles. */
@QuarkusTest
class RegisterPagesTest {

    static final String REGISTERS = "/staff/privacy/registers";
    static final String CONSENTS = REGISTERS + "/consents";
    static final String DPIAS = REGISTERS + "/dpias";
    static final String NOTICES = REGISTERS + "/notices";
    private static final AtomicInteger N = new AtomicInteger();

    @Inject
    EntityManager em;

    private ConsoleSignIn.Session privacy;

    @BeforeEach
    void signIn() {
        privacy = ConsoleSignIn.session("privacy");
    }

    static long idOf(String location) {
        return Long.parseLong(location.replaceAll(".*/(\\d+)\\?.*", "$1"));
    }

    /** Adds a consent record through the form; returns its id. */
    static long consent(ConsoleSignIn.Session s, String purpose) {
        return idOf(Console.post(s, CONSENTS, "purpose_id", purpose, "description", "Monthly product news by email.", "legal_text_version", "v1",
                "collected_via", "signup form\r\n\r\naccount settings\r\n", "proof_location", "crm.consent_log", "withdrawal_method",
                "Unsubscribe link in every email.", "last_reviewed_at", "", "status", "active")
                .then().statusCode(303).header("Location", matchesPattern(".*/consents/\\d+\\?done=created")).extract().header("Location"));
    }

    /** Adds a DPIA draft through the form: required, with risk and measures, ready for approval; returns its id. */
    static long dpia(ConsoleSignIn.Session s, String title) {
        return idOf(Console.post(s, DPIAS, "processing_activity_id", "product-analytics", "title", title, "triggers", "evaluation_scoring",
                "triggers", "large_scale", "outcome", "required", "outcome_reason", "", "risk_level", "medium", "measures",
                "Pseudonymised events; 13-month retention.").then().statusCode(303).extract().header("Location"));
    }

    /** Records a privacy-notice version through the form, published {@code publishedIn} from now; returns its id. */
    static long notice(ConsoleSignIn.Session s, Duration publishedIn) {
        String at = java.time.LocalDateTime.ofInstant(java.time.Instant.now().plus(publishedIn), ZoneOffset.UTC).withNano(0).toString();
        return idOf(Console.post(s, NOTICES, "audience", "applicants", "version_label", "console-" + N.incrementAndGet() + "-" + System.nanoTime(),
                "url", "https://fjordlane.example/careers/privacy", "published_at", at, "sha256", "", "text", "We keep applications for six months.",
                "review_interval_days", "365").then().statusCode(303).extract().header("Location"));
    }

    private String counts() {
        return Registers.counts(em, "consent_purpose", "dpia", "privacy_notice", "register_revision");
    }

    @Test
    void theIndexLinksEveryRegisterForEveryRole() {
        for (String role : new String[] {"privacy", "admin", "compliance", "auditor"}) {
            Console.get(ConsoleSignIn.session(role), REGISTERS).then().statusCode(200)
                    .body(containsString("href=\"" + CONSENTS + "\""), containsString("href=\"" + DPIAS + "\""), containsString("href=\"" + NOTICES + "\""));
        }
    }

    @Test
    void consentRecordsAreAddedRevisedAndDeletedWithTheirHistory() {
        String purpose = "newsletter-" + N.incrementAndGet();
        long id = consent(privacy, purpose);
        String page = Console.get(privacy, CONSENTS + "/" + id + "?done=created").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Consent record added.") && page.contains("signup form, account settings")
                && page.contains(">signup form\naccount settings</textarea>"), "channels one a line, blank lines dropped");
        Console.post(privacy, CONSENTS + "/" + id, "purpose_id", purpose, "description", "Monthly product news by email.", "legal_text_version", "v1",
                "collected_via", "signup form", "proof_location", "crm.consent_log", "withdrawal_method", "Unsubscribe link in every email.",
                "last_reviewed_at", "2026-01-15T10:00", "status", "retired").then().statusCode(303).header("Location", endsWith("?done=updated"));
        String revised = Console.get(privacy, CONSENTS + "/" + id).then().statusCode(200).extract().asString();
        assertTrue(revised.contains("<strong>Status</strong>: active → retired") && revised.contains("15 Jan 2026, 10:00 UTC")
                && revised.contains("<strong>Collected via</strong>: signup form, account settings → signup form"), revised);
        String list = Console.get(privacy, CONSENTS + "?status=retired").then().statusCode(200).extract().asString();
        assertTrue(list.contains("<code>" + purpose + "</code>"));
        assertTrue(!Console.get(privacy, CONSENTS + "?status=active").asString().contains("<code>" + purpose + "</code>"));
        Console.post(privacy, CONSENTS + "/" + id + "/delete").then().statusCode(303).header("Location", endsWith(CONSENTS + "?done=deleted"));
        Console.get(privacy, CONSENTS + "?done=deleted").then().statusCode(200).body(containsString("Consent record deleted"));
        Console.get(privacy, CONSENTS + "/" + id).then().statusCode(404);
    }

    @Test
    void refusedConsentFormsComeBackMarked() {
        String purpose = "refused-" + N.incrementAndGet();
        consent(privacy, purpose);
        String before = counts();
        Console.post(privacy, CONSENTS, "purpose_id", "Bad Purpose", "description", "", "legal_text_version", "v1", "collected_via", "",
                "proof_location", "crm", "withdrawal_method", "Link", "status", "active").then().statusCode(400)
                .body(containsString("aria-describedby=\"purpose_id-error\""), containsString("aria-describedby=\"description-error\""),
                        containsString("aria-describedby=\"collected_via-error\""), containsString("value=\"Bad Purpose\""));
        Console.post(privacy, CONSENTS, "purpose_id", purpose, "description", "Again", "legal_text_version", "v1", "collected_via", "web",
                "proof_location", "crm", "withdrawal_method", "Link", "status", "active").then().statusCode(409)
                .body(containsString("already exists"), containsString("<h1>Add a consent record</h1>"));
        Console.post(privacy, CONSENTS, "purpose_id", "channels-" + N.incrementAndGet(), "description", "d", "legal_text_version", "v1",
                "collected_via", "web\nweb", "proof_location", "crm", "withdrawal_method", "Link", "last_reviewed_at", "2999-01-01T00:00")
                .then().statusCode(400).body(containsString("Collected via (item 2)</a>: is listed twice"));
        assertEquals(before, counts());
    }

    @Test
    void aDpiaIsDraftedApprovedMarkedForReviewAndRevised() {
        String before = counts();
        Console.post(privacy, DPIAS, "processing_activity_id", "product-analytics", "title", "Screening", "triggers", "large_scale",
                "triggers", "sensitive_data", "outcome", "not_required").then().statusCode(422)
                .body(containsString("aria-describedby=\"outcome_reason-error\""), containsString("value=\"large_scale\" checked"),
                        containsString("value=\"sensitive_data\" checked"), containsString("value=\"product-analytics\" selected"));
        Console.post(privacy, DPIAS, "processing_activity_id", "", "title", "").then().statusCode(400)
                .body(containsString("aria-describedby=\"processing_activity_id-error\""), containsString("aria-describedby=\"title-error\""));
        assertEquals(before, counts());

        long id = dpia(privacy, "Product analytics");
        String draft = Console.get(privacy, DPIAS + "/" + id + "?done=created").then().statusCode(200).extract().asString();
        assertTrue(draft.contains("DPIA added as a draft.") && draft.contains("Evaluation or scoring, including profiling; Data processed on a large scale")
                && draft.contains("/approve\"") && draft.contains("/delete\"") && draft.contains("Save the revision"), draft);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Console.post(privacy, DPIAS + "/" + id + "/approve", "next_review", "soon").then().statusCode(400)
                .body(containsString("aria-describedby=\"next_review-error\""), containsString("value=\"soon\""));
        Console.post(privacy, DPIAS + "/" + id + "/approve", "next_review", today.toString()).then().statusCode(422).body(containsString("must be after today"));
        Console.post(privacy, DPIAS + "/" + id + "/approve", "next_review", today.plusYears(1).toString()).then().statusCode(303);
        String approved = Console.get(privacy, DPIAS + "/" + id + "?done=approved").then().statusCode(200).extract().asString();
        assertTrue(approved.contains("DPIA approved.") && approved.contains("by test-privacy") && !approved.contains("Save the revision")
                && approved.contains("/review\"") && !approved.contains("/delete\""), approved);
        Console.post(privacy, DPIAS + "/" + id + "/delete").then().statusCode(409).body(containsString("never approved"));
        Console.post(privacy, DPIAS + "/" + id + "/review", "reason", "").then().statusCode(400).body(containsString("aria-describedby=\"reason-error\""));
        Console.post(privacy, DPIAS + "/" + id + "/review", "reason", "New data source added").then().statusCode(303);
        Console.post(privacy, DPIAS + "/" + id, "processing_activity_id", "product-analytics", "title", "Product analytics, second review",
                "triggers", "large_scale", "outcome", "required", "risk_level", "high", "measures", "Pseudonymised events.").then().statusCode(303);
        String revised = Console.get(privacy, DPIAS + "/" + id + "?done=updated").then().statusCode(200).extract().asString();
        assertTrue(revised.contains("Review due") && revised.contains("New data source added") && revised.contains(">Review requested<")
                && revised.contains("<strong>Risk level</strong>: medium → high"), revised);
        assertTrue(Console.get(privacy, DPIAS + "?status=review_due").asString().contains("href=\"" + DPIAS + "/" + id + "\""));

        long doomed = dpia(privacy, "Draft to delete");
        Console.post(privacy, DPIAS + "/" + doomed + "/delete").then().statusCode(303).header("Location", endsWith(DPIAS + "?done=deleted"));
        Console.get(privacy, DPIAS + "/" + doomed).then().statusCode(404);
    }

    @Test
    void privacyNoticeVersionsAreRecordedAndAScheduledOneRetracted() {
        long current = notice(privacy, Duration.ofMinutes(-5));
        String page = Console.get(privacy, NOTICES + "/" + current + "?done=created").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Version recorded.") && page.contains("We keep applications for six months.")
                && page.contains(PrivacyNotices.sha256("We keep applications for six months.")) && !page.contains("/retract\""), page);
        String before = counts();
        Console.post(privacy, NOTICES, "audience", "applicants", "version_label", "bad", "url", "http://fjordlane.example/privacy",
                "published_at", "2026-01-01T00:00", "review_interval_days", "0").then().statusCode(400)
                .body(containsString("aria-describedby=\"url-error\""), containsString("aria-describedby=\"review_interval_days-error\""),
                        containsString("aria-describedby=\"sha256-error\""), containsString("value=\"applicants\" selected"));
        assertEquals(before, counts());

        long scheduled = notice(privacy, Duration.ofDays(30));
        Console.get(privacy, NOTICES + "/" + scheduled).then().statusCode(200).body(containsString("Scheduled"), containsString("/retract\""));
        Console.post(privacy, NOTICES + "/" + scheduled + "/retract", "reason", " ").then().statusCode(400).body(containsString("aria-describedby=\"reason-error\""));
        Console.post(privacy, NOTICES + "/" + scheduled + "/retract", "reason", "Legal review pending").then().statusCode(303);
        Console.get(privacy, NOTICES + "/" + scheduled + "?done=retracted").then().statusCode(200)
                .body(containsString("Version retracted."), containsString("Retracted"), containsString("Legal review pending"));
        Console.get(privacy, NOTICES + "?audience=applicants").then().statusCode(200).body(containsString(NOTICES + "/" + current + "\""));
        Console.get(privacy, NOTICES + "/new?audience=staff").then().statusCode(200).body(containsString("value=\"staff\" selected"));
    }

    @Test
    void everyRoleReadsTheRegistersOnlyPrivacyAndAdminWrite() {
        long consent = consent(privacy, "roles-" + N.incrementAndGet());
        long dpia = dpia(privacy, "Roles");
        long notice = notice(privacy, Duration.ofDays(10));
        for (String role : new String[] {"compliance", "auditor"}) {
            ConsoleSignIn.Session s = ConsoleSignIn.session(role);
            for (String path : new String[] {CONSENTS, DPIAS, NOTICES, CONSENTS + "/" + consent, DPIAS + "/" + dpia, NOTICES + "/" + notice}) {
                Console.get(s, path).then().statusCode(200).body(not(containsString("<form method=\"post\" action=\"" + REGISTERS)),
                        not(containsString("/new\"")));
            }
            for (String path : new String[] {CONSENTS + "/new", DPIAS + "/new", NOTICES + "/new"}) {
                Console.get(s, path).then().statusCode(403);
            }
            String before = counts();
            for (String path : new String[] {CONSENTS, CONSENTS + "/" + consent, CONSENTS + "/" + consent + "/delete", DPIAS, DPIAS + "/" + dpia,
                    DPIAS + "/" + dpia + "/approve", DPIAS + "/" + dpia + "/review", DPIAS + "/" + dpia + "/delete", NOTICES,
                    NOTICES + "/" + notice + "/retract"}) {
                Console.post(s, path, "reason", "x").then().statusCode(403).contentType(containsString("text/html"));
            }
            assertEquals(before, counts());
        }
    }
}
