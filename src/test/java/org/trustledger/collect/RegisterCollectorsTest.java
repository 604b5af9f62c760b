package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.collect.types.ResidencyCollector;
import org.trustledger.collect.types.SubprocessorReviewCollector;
import org.trustledger.privacy.checks.ConsentRegisterCollector;
import org.trustledger.reports.TiaCurrencyCollector;
import org.trustledger.system.HostedSystem;
import org.trustledger.system.LegalBasis;
import org.trustledger.system.ProcessingActivity;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.TransferAssessment;
import org.trustledger.system.Vendor;

/**
 * The nine register collector types over the real registers: a pass and a fail path each, through the runner
 * and the staff API where the sample model decides, and over a modified model where it must differ. The
 * registers are shared by every test class, so each test starts from empty registers.
 */
@QuarkusTest
class RegisterCollectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;
    @Inject
    SystemDescription sample;
    @Inject
    SubprocessorReviewCollector subprocessors;
    @Inject
    TiaCurrencyCollector tias;
    @Inject
    ConsentRegisterCollector consents;
    @Inject
    ResidencyCollector residency;

    private String privacy;

    @BeforeEach
    void emptyRegisters() {
        Api.exec(db, "DELETE FROM dsr_case_event; DELETE FROM dsr_case; DELETE FROM consent_purpose; DELETE FROM dpia;"
                + " DELETE FROM privacy_notice; DELETE FROM report; DELETE FROM breach");
        privacy = Staff.withRole("privacy");
    }

    private static JsonNode params(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private io.restassured.response.Response post(String path, Object body) {
        return given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(body).post(path);
    }

    // --- dsr-deadlines

    private long dsrCase(String status, String dueSql, String extendedSql) {
        Api.exec(db, "INSERT INTO dsr_case (token_sha256, email_hmac, email_key_id, request_type, jurisdiction, details, status,"
                + " received_at, due_at, extended_until, extension_reason, updated_at) VALUES (decode(md5(random()::text) || md5(random()::text), 'hex'), decode(md5(random()::text) || md5(random()::text), 'hex'),"
                + " '0a1b2c3d', 'access', 'EU_GDPR', 'private details of jane@example.com', '" + status + "', now() - interval '40 days', "
                + dueSql + ", " + extendedSql + ", " + (extendedSql.equals("NULL") ? "NULL" : "'complex'") + ", now())");
        return Api.count(db, "SELECT max(id) FROM dsr_case");
    }

    @Test
    void dsrDeadlinesFailOnAnOverdueOpenCaseAndNeverShowPersonalData() {
        long late = dsrCase("in_progress", "now() - interval '2 days'", "NULL");
        long soon = dsrCase("verifying", "now() + interval '2 days'", "NULL");
        dsrCase("completed", "now() - interval '9 days'", "NULL");
        long extended = dsrCase("in_progress", "now() - interval '3 days'", "now() + interval '50 days'");
        JsonPath run = Api.run("t-dsr-deadlines").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertEquals("1 of 3 open data-subject requests past their deadline (cases " + late + "); 1 due within 3 days", run.getString("summary"));
        assertEquals(List.of(late), run.getList("payload.overdue.id", Long.class));
        assertEquals(List.of(soon), run.getList("payload.due_soon.id", Long.class));
        assertEquals(2, run.getInt("payload.overdue[0].days_overdue"));
        String payload = run.prettify();
        assertFalse(payload.contains("jane") || payload.contains("private details") || payload.contains("email"), payload);
        assertFalse(run.getList("payload.overdue.id", Long.class).contains(extended), "an extension moves the deadline");

        Api.exec(db, "UPDATE dsr_case SET status = 'completed' WHERE id = " + late);
        Api.run("t-dsr-deadlines").then().statusCode(200).body("status", is("pass"))
                .body("summary", is("no open data-subject request past its deadline (2 open); 1 due within 3 days"));
    }

    // --- breach-sla

    @Test
    void breachSlaFailsWhileTheAuthorityNotificationIsLateAndPassesOnceRecorded() {
        Api.run("t-breach-sla").then().statusCode(200).body("status", is("pass")).body("summary", is("no missed breach notification deadline"));
        Instant aware = Instant.now().minus(73, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = post("/api/v1/breaches", Map.of("title", "Stolen laptop of Jane Roe", "aware_at", aware.toString(),
                "personal_data_affected", true, "our_role", "controller")).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath run = Api.run("t-breach-sla").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertEquals("1 breach notification deadline(s) missed: breach " + id + " authority", run.getString("summary"));
        assertEquals("breach:" + id + ":authority", run.getString("payload.missed[0].source"));
        assertFalse(run.prettify().contains("Jane"));
        post("/api/v1/breaches/" + id + "/notifications", Map.of("party", "authority", "at", Instant.now().minusSeconds(5).toString(),
                "delay_reason", "forensics took longer")).then().statusCode(200);
        Api.run("t-breach-sla").then().statusCode(200).body("status", is("pass"));
    }

    // --- subprocessor-review

    private static Vendor reviewed(Vendor v, LocalDate lastReview) {
        return new Vendor(v.id(), v.name(), v.url(), v.category(), v.purpose(), v.dataAccess(), v.countries(), v.transferMechanism(),
                v.dpaSigned(), lastReview, v.subprocessor(), v.announcedAt(), v.effectiveAt(), v.removalAnnouncedAt(), v.removalEffectiveAt(),
                v.transferAssessment());
    }

    private static SystemDescription withVendors(SystemDescription s, List<Vendor> vendors) {
        return new SystemDescription(s.version(), s.lastReviewed(), s.organisation(), s.dataSubjectCategories(), s.dataCategories(),
                s.securityMeasures(), s.processingActivities(), s.systems(), vendors, s.residency(), s.scoping());
    }

    @Test
    void subprocessorReviewPassesOnTheSampleAndFailsForAVendorReviewedTooLongAgo() throws Exception {
        Api.run("t-subprocessor-review").then().statusCode(200).body("status", is("pass"))
                .body("summary", is("all " + sample.vendors().size() + " vendors reviewed within 365 days"));
        List<Vendor> vendors = new ArrayList<>(sample.vendors());
        vendors.set(0, reviewed(vendors.get(0), today().minusDays(400)));
        var r = subprocessors.check(withVendors(sample, vendors), params("{\"max_age_days\": 365}"), Instant.now());
        assertEquals("fail", r.status().wire());
        assertTrue(r.summary().startsWith("1 of " + vendors.size() + " vendors not reviewed within 365 days: " + vendors.get(0).id()), r.summary());
        assertEquals(vendors.get(0).id(), r.payload().path("overdue").get(0).asText());
    }

    // --- consent-register

    private static SystemDescription withoutConsentBasis(SystemDescription s) {
        List<ProcessingActivity> activities = s.processingActivities().stream().map(a -> a.legalBasis() != LegalBasis.CONSENT ? a
                : new ProcessingActivity(a.id(), a.name(), a.role(), a.onBehalfOf(), a.purpose(), LegalBasis.LEGITIMATE_INTERESTS,
                        "direct marketing", a.dataSubjectCategories(), a.dataCategories(), a.recipients(), a.retention(), a.transfers(),
                        a.securityMeasures(), a.systems())).toList();
        return new SystemDescription(s.version(), s.lastReviewed(), s.organisation(), s.dataSubjectCategories(), s.dataCategories(),
                s.securityMeasures(), activities, s.systems(), s.vendors(), s.residency(), s.scoping());
    }

    private long consent(String purpose) {
        return post("/api/v1/consents", Map.of("purpose_id", purpose, "description", "Monthly product newsletter by email",
                "legal_text_version", "2026-01", "collected_via", List.of("signup form"), "proof_location", "s3://consent/newsletter/",
                "withdrawal_method", "Unsubscribe link in every email", "status", "active"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void consentRegisterEmptyFailsOnlyWhenSomeActivityReliesOnConsent() throws Exception {
        String consentActivity = sample.processingActivities().stream().filter(a -> a.legalBasis() == LegalBasis.CONSENT).findFirst()
                .orElseThrow().id();
        Api.run("t-consent-register").then().statusCode(200).body("status", is("fail"))
                .body("summary", is("no consent purposes recorded, but processing activities rely on consent: " + consentActivity));
        var r = consents.check(withoutConsentBasis(sample), params("{}"), Instant.now());
        assertEquals("pass", r.status().wire());
        assertEquals("no consent purposes recorded and no processing activity relies on consent", r.summary());
    }

    @Test
    void consentRegisterFailsForAnUnreviewedPurposeAndPassesOnceReviewed() {
        long id = consent("newsletter");
        Api.exec(db, "UPDATE consent_purpose SET last_reviewed_at = now() - interval '400 days' WHERE id = " + id);
        JsonPath run = Api.run("t-consent-register").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertEquals("1 of 1 active consent purposes fall short: newsletter (not reviewed within 365 days)", run.getString("summary"));
        Api.exec(db, "UPDATE consent_purpose SET withdrawal_method = '  ' WHERE id = " + id);
        Api.run("t-consent-register").then().body("summary", containsString("newsletter (not reviewed within 365 days, no withdrawal method)"));
        Api.exec(db, "UPDATE consent_purpose SET last_reviewed_at = now() - interval '10 days', withdrawal_method = 'Unsubscribe link'"
                + " WHERE id = " + id);
        Api.run("t-consent-register").then().statusCode(200).body("status", is("pass")).body("payload.purposes[0].purpose_id", is("newsletter"));
    }

    // --- dpia-register

    @Test
    void dpiaRegisterFailsForARequiredDpiaUntilApprovedAndAgainWhenItsReviewIsDue() {
        Api.run("t-dpia-register").then().statusCode(200).body("status", is("pass"))
                .body("summary", is("no processing activity needs a DPIA according to the register"));
        long id = post("/api/v1/dpias", Map.of("processing_activity_id", "product-analytics", "title", "Product analytics",
                "triggers", List.of("large_scale", "evaluation_scoring"), "outcome", "required", "risk_level", "medium",
                "measures", "Pseudonymised user ids")).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.run("t-dpia-register").then().statusCode(200).body("status", is("fail"))
                .body("summary", is("no approved DPIA for product-analytics")).body("payload.missing[0]", is("product-analytics"));
        post("/api/v1/dpias/" + id + "/approve", Map.of("next_review", today().plusYears(1).toString())).then().statusCode(200);
        Api.run("t-dpia-register").then().statusCode(200).body("status", is("pass"))
                .body("summary", is("all 1 processing activities needing a DPIA have an approved, current one"));
        Api.exec(db, "UPDATE dpia SET next_review = current_date - 1 WHERE id = " + id);
        Api.run("t-dpia-register").then().statusCode(200).body("status", is("fail"))
                .body("summary", containsString("DPIA review overdue for product-analytics (DPIA " + id));
    }

    // --- tia-currency

    private static SystemDescription withAssessmentsReviewedBy(SystemDescription s, LocalDate nextReview) {
        return withVendors(s, s.vendors().stream().map(v -> {
            TransferAssessment a = v.transferAssessment();
            if (a == null) {
                return v;
            }
            TransferAssessment b = new TransferAssessment(a.assessedAt(), a.assessedBy(), a.approvedBy(), a.lawsConsidered(),
                    a.publicAuthorityAccess(), a.supplementaryMeasures(), a.proceduralSteps(), a.conclusion(), nextReview);
            return new Vendor(v.id(), v.name(), v.url(), v.category(), v.purpose(), v.dataAccess(), v.countries(), v.transferMechanism(),
                    v.dpaSigned(), v.lastReview(), v.subprocessor(), v.announcedAt(), v.effectiveAt(), v.removalAnnouncedAt(),
                    v.removalEffectiveAt(), b);
        }).toList());
    }

    @Test
    void tiaCurrencyFailsOnTheSampleForHelpscoutAndPassesWithCurrentAssessmentsAndRenderedReports() throws Exception {
        List<String> needing = sample.vendors().stream().filter(Vendor::needsTransferAssessment).map(Vendor::id).toList();
        assertTrue(needing.contains("helpscout"), needing.toString());
        JsonPath none = Api.run("t-tia-currency").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertTrue(none.getString("summary").startsWith(needing.size() + " of " + needing.size() + " vendors needing a TIA are not current"),
                none.getString("summary"));
        assertTrue(none.getString("summary").contains("no TIA report rendered"));

        post("/api/v1/reports", Map.of("kind", "tia")).then().statusCode(201);
        JsonPath rendered = Api.run("t-tia-currency").then().statusCode(200).body("status", is("fail")).extract().jsonPath();
        assertTrue(rendered.getString("summary").matches("1 of " + needing.size()
                + " vendors needing a TIA are not current: helpscout: assessment review due \\d{4}-\\d\\d-\\d\\d"), rendered.getString("summary"));

        var current = tias.check(withAssessmentsReviewedBy(sample, today().plusMonths(6)), params("{}"), Instant.now());
        assertEquals("pass", current.status().wire(), current.summary());
        Api.exec(db, "UPDATE report SET generated_at = now() - interval '101 days' WHERE kind = 'tia'");
        var old = tias.check(withAssessmentsReviewedBy(sample, today().plusMonths(6)), params("{}"), Instant.now());
        assertEquals("fail", old.status().wire());
        assertTrue(old.summary().contains("older than 100 days"), old.summary());
    }

    // --- ropa-currency

    @Test
    void ropaCurrencyFailsWithoutARecentRopaAndPassesOnceRendered() {
        Api.run("t-ropa-currency").then().statusCode(200).body("status", is("fail")).body("summary", is("no RoPA report has been rendered"));
        long id = post("/api/v1/reports", Map.of("kind", "ropa")).then().statusCode(201).extract().jsonPath().getLong("[0].id");
        Api.run("t-ropa-currency").then().statusCode(200).body("status", is("pass")).body("payload.latest.id", is((int) id));
        Api.exec(db, "UPDATE report SET generated_at = now() - interval '40 days' WHERE id = " + id);
        Api.run("t-ropa-currency").then().statusCode(200).body("status", is("fail")).body("summary", containsString("older than 35 days"));
    }

    // --- privacy-notice-currency

    private void notice(String audience, String label, Instant publishedAt, int interval) {
        post("/api/v1/privacy-notices", Map.of("audience", audience, "version_label", label, "url", "https://fjordlane.example/privacy/" + label,
                "published_at", publishedAt.toString(), "sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "review_interval_days", interval)).then().statusCode(201);
    }

    @Test
    void privacyNoticeCurrencyNeedsAnInForceNoticeWithinItsReviewIntervalPerAudience() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        notice("customers", "c1", now.minus(10, ChronoUnit.DAYS), 365);
        notice("website_visitors", "w-future", now.plus(10, ChronoUnit.DAYS), 365);
        Api.run("t-notice-currency").then().statusCode(200).body("status", is("fail"))
                .body("summary", is("1 of 2 audiences lack a current privacy notice: website_visitors (no notice in force)"));
        notice("website_visitors", "w1", now.minus(400, ChronoUnit.DAYS), 365);
        Api.run("t-notice-currency").then().statusCode(200).body("status", is("fail"))
                .body("summary", containsString("website_visitors (notice w1 review due"));
        notice("website_visitors", "w2", now.minus(1, ChronoUnit.DAYS), 365);
        Api.run("t-notice-currency").then().statusCode(200).body("status", is("pass"))
                .body("payload.audiences.state", org.hamcrest.Matchers.equalTo(List.of("current", "current")));
    }

    // --- residency

    @Test
    void residencyPassesOnTheSampleAndFailsForASystemOutsideTheAllowedRegions() {
        JsonPath run = Api.run("t-residency").then().statusCode(200).body("status", is("pass")).extract().jsonPath();
        assertEquals(sample.systems().size(), run.getList("payload.systems").size());
        assertEquals(sample.systems().get(0).region(), run.getString("payload.systems[0].region"));
        HostedSystem first = sample.systems().get(0);
        List<HostedSystem> systems = new ArrayList<>(sample.systems());
        systems.set(0, new HostedSystem(first.id(), first.name(), first.description(), first.hostingVendor(), "us-east-1", first.dataCategories()));
        SystemDescription moved = new SystemDescription(sample.version(), sample.lastReviewed(), sample.organisation(),
                sample.dataSubjectCategories(), sample.dataCategories(), sample.securityMeasures(), sample.processingActivities(), systems,
                sample.vendors(), sample.residency(), sample.scoping());
        var r = residency.check(moved);
        assertEquals("fail", r.status().wire());
        assertTrue(r.summary().contains("system " + first.id() + " runs in us-east-1, not an allowed region"), r.summary());
    }
}
