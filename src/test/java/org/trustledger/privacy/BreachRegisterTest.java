package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustledger.privacy.Registers.map;
import static org.trustledger.privacy.Registers.post;
import static org.trustledger.privacy.Registers.put;
import static org.trustledger.privacy.Registers.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** The breach register over HTTP: create, update, notifications and their deadlines, closing, history, missed deadlines. */
@QuarkusTest
class BreachRegisterTest {

    private static final String BREACHES = "/api/v1/breaches";
    private static final Duration MICRO = Duration.ofNanos(1000);

    @Inject
    EntityManager em;

    @Inject
    BreachSlaCheck slaCheck;

    private String privacy;

    @BeforeEach
    void signIn() {
        privacy = Staff.withRole("privacy");
    }

    private static Instant hoursAgo(long hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Map<String, Object> controllerBreach(Instant awareAt) {
        return map("title", "Laptop with customer export stolen", "description", "A support laptop was stolen from a car.\nDisk encrypted? unknown.",
                "aware_at", awareAt.toString(), "personal_data_affected", true, "our_role", "controller");
    }

    private long create(Map<String, Object> body) {
        return post(privacy, BREACHES, body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Response notify(long id, Object body) {
        return post(privacy, BREACHES + "/" + id + "/notifications", body);
    }

    private String counts() {
        return Registers.counts(em, "breach", "register_revision");
    }

    private List<String> missedKeys(Instant now) {
        return slaCheck.findMissed(now).stream().map(MissedDeadline::sourceKey).toList();
    }

    @Test
    void aControllersBreachIsCreatedWithTheAuthorityDeadlineAndItsFirstRevision() {
        Instant aware = hoursAgo(2);
        Response created = post(privacy, BREACHES, controllerBreach(aware));
        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith(BREACHES + "/" + created.path("id")))
                .body("title", equalTo("Laptop with customer export stolen"))
                .body("aware_at", equalTo(aware.toString()))
                .body("our_role", equalTo("controller"))
                .body("high_risk_to_subjects", equalTo(false))
                .body("authority_notification_required", equalTo(true))
                .body("status", equalTo("open"))
                .body("closed_at", nullValue())
                .body("notifications.party", equalTo(List.of("authority")))
                .body("notifications[0].due_at", equalTo(aware.plus(Duration.ofHours(72)).toString()))
                .body("notifications[0].done_at", nullValue())
                .body("notifications[0].state", equalTo("pending"))
                .body("history.revision", equalTo(List.of(1)))
                .body("history[0].actor", equalTo("test-privacy"))
                .body("history[0].action", equalTo("created"))
                .body("history[0].snapshot.title", equalTo("Laptop with customer export stolen"))
                .body("history[0].changes.field", hasItem("aware_at"));
        long id = created.jsonPath().getLong("id");
        Registers.get(Staff.withRole("auditor"), BREACHES + "/" + id).then().statusCode(200).body("id", equalTo((int) id))
                .body("description", containsString("\n"));
        Registers.get(Staff.withRole("compliance"), BREACHES + "/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("created")));
    }

    @Test
    void whoMustBeToldFollowsRoleRiskAndPersonalData() {
        Instant aware = hoursAgo(1);
        post(privacy, BREACHES, with(controllerBreach(aware), "high_risk_to_subjects", true)).then().statusCode(201)
                .body("notifications.party", equalTo(List.of("authority", "subjects")))
                .body("notifications[1].due_at", equalTo(aware.plus(Duration.ofDays(14)).toString()));
        post(privacy, BREACHES, with(controllerBreach(aware), "our_role", "processor", "high_risk_to_subjects", true)).then().statusCode(201)
                .body("authority_notification_required", equalTo(false))
                .body("notifications.party", equalTo(List.of("controllers")))
                .body("notifications[0].due_at", equalTo(aware.plus(Duration.ofHours(72)).toString()));
        post(privacy, BREACHES, with(controllerBreach(aware), "personal_data_affected", false)).then().statusCode(201)
                .body("authority_notification_required", equalTo(false))
                .body("notifications", equalTo(List.of()));
        // Art. 33(1): a controller may decide not to notify, with the reason why the breach is unlikely to result in a risk.
        post(privacy, BREACHES, with(controllerBreach(aware), "authority_notification_required", false,
                "no_authority_notification_reason", "Encrypted backup tape, key not compromised")).then().statusCode(201)
                .body("authority_notification_required", equalTo(false))
                .body("no_authority_notification_reason", equalTo("Encrypted backup tape, key not compromised"))
                .body("notifications", equalTo(List.of()));
    }

    @Test
    void malformedBodiesAre400AndWriteNothing() {
        String before = counts();
        Map<String, Object> ok = controllerBreach(hoursAgo(1));
        post(privacy, BREACHES, map()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title", "aware_at", "personal_data_affected", "our_role")))
                .body("errors[0].reason", equalTo("is required"));
        post(privacy, BREACHES, with(ok, "title", "   ")).then().statusCode(400).body("errors.field", equalTo(List.of("title")));
        post(privacy, BREACHES, with(ok, "title", "two\nlines")).then().statusCode(400).body("errors[0].reason", equalTo("must be a single line"));
        post(privacy, BREACHES, with(ok, "title", "t".repeat(201))).then().statusCode(400);
        post(privacy, BREACHES, with(ok, "description", "bell\u0007")).then().statusCode(400).body("errors.field", equalTo(List.of("description")));
        post(privacy, BREACHES, with(ok, "description", "d".repeat(10_001))).then().statusCode(400);
        post(privacy, BREACHES, with(ok, "aware_at", "2025-03-01T10:00:00")).then().statusCode(400)
                .body("errors[0].field", equalTo("aware_at")).body("errors[0].reason", containsString("UTC offset"));
        post(privacy, BREACHES, with(ok, "aware_at", "2025-03-01")).then().statusCode(400);
        post(privacy, BREACHES, with(ok, "aware_at", "yesterday")).then().statusCode(400).body(not(containsString("yesterday")));
        post(privacy, BREACHES, with(ok, "aware_at", "1969-12-31T23:59:59Z")).then().statusCode(400);
        post(privacy, BREACHES, with(ok, "aware_at", 1_700_000_000)).then().statusCode(400).body("errors[0].field", equalTo("aware_at"));
        post(privacy, BREACHES, with(ok, "our_role", "joint_controller")).then().statusCode(400)
                .body("errors[0].reason", equalTo("must be one of controller, processor"));
        post(privacy, BREACHES, with(ok, "personal_data_affected", "true")).then().statusCode(400)
                .body("errors[0].field", equalTo("personal_data_affected"));
        post(privacy, BREACHES, with(ok, "personal_data_affected", 1)).then().statusCode(400);
        post(privacy, BREACHES, with(ok, "title", 42)).then().statusCode(400).body("errors[0].field", equalTo("title"));
        post(privacy, BREACHES, with(ok, "status", "closed")).then().statusCode(400).body("errors[0].reason", equalTo("unknown field"));
        post(privacy, BREACHES, with(ok, "authority_notified_at", Instant.now().toString())).then().statusCode(400);
        post(privacy, BREACHES, "{\"title\":\"a\",\"title\":\"b\"}").then().statusCode(400).contentType("application/problem+json");
        post(privacy, BREACHES, "{\"title\":").then().statusCode(400).contentType("application/problem+json");
        post(privacy, BREACHES, "{} {}").then().statusCode(400);
        post(privacy, BREACHES, "null").then().statusCode(400);
        post(privacy, BREACHES, "[]").then().statusCode(400);
        post(privacy, BREACHES, "").then().statusCode(400);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("title", "x").post(BREACHES)
                .then().statusCode(415).contentType("application/problem+json");
        given().cookie("tl_session", privacy).contentType(ContentType.TEXT).body("title=x").post(BREACHES).then().statusCode(415);
        assertEquals(before, counts());
    }

    @Test
    void contradictoryBreachesAre422AndWriteNothing() {
        String before = counts();
        Map<String, Object> ok = controllerBreach(hoursAgo(1));
        post(privacy, BREACHES, with(ok, "aware_at", Instant.now().plus(Duration.ofMinutes(5)).toString())).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("aware_at"))
                .body("errors[0].reason", equalTo("must not be in the future"));
        post(privacy, BREACHES, with(ok, "personal_data_affected", false, "high_risk_to_subjects", true)).then().statusCode(422)
                .body("errors.field", hasItem("high_risk_to_subjects"));
        post(privacy, BREACHES, with(ok, "our_role", "processor", "authority_notification_required", true)).then().statusCode(422)
                .body("errors[0].field", equalTo("authority_notification_required"));
        post(privacy, BREACHES, with(ok, "personal_data_affected", false, "authority_notification_required", true)).then().statusCode(422);
        post(privacy, BREACHES, with(ok, "authority_notification_required", false)).then().statusCode(422)
                .body("errors[0].field", equalTo("no_authority_notification_reason"));
        post(privacy, BREACHES, with(ok, "authority_notification_required", false, "high_risk_to_subjects", true,
                "no_authority_notification_reason", "we think it is fine")).then().statusCode(422)
                .body("errors[0].field", equalTo("authority_notification_required"));
        post(privacy, BREACHES, with(ok, "no_authority_notification_reason", "not needed")).then().statusCode(422)
                .body("errors[0].field", equalTo("no_authority_notification_reason"));
        assertEquals(before, counts());
    }

    @Test
    void anAuthorityNotificationWithin72HoursIsOnTime() {
        Instant aware = hoursAgo(71);
        long id = create(controllerBreach(aware));
        Instant at = aware.plus(Duration.ofHours(72)); // the deadline itself is on time; it is in the future, so use 'now'
        notify(id, map("party", "authority", "at", aware.plus(Duration.ofHours(70)).toString())).then().statusCode(200)
                .body("authority_notified_at", equalTo(aware.plus(Duration.ofHours(70)).toString()))
                .body("notifications[0].state", equalTo("on_time"))
                .body("notifications[0].due_at", equalTo(at.toString()))
                .body("history.action", equalTo(List.of("created", "notified")))
                .body("history[1].changes.field", equalTo(List.of("authority_notified_at")))
                .body("history[1].changes[0].from", nullValue())
                .body("history[1].changes[0].to", equalTo(aware.plus(Duration.ofHours(70)).toString()));
        notify(id, map("party", "authority")).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aNotificationWithoutATimeIsRecordedNow() {
        long id = create(controllerBreach(hoursAgo(1)));
        Instant before = Instant.now().minusSeconds(1);
        String at = notify(id, map("party", "authority")).then().statusCode(200).body("notifications[0].state", equalTo("on_time"))
                .extract().path("authority_notified_at");
        assertTrue(Instant.parse(at).isAfter(before), at);
    }

    @Test
    void aLateAuthorityNotificationNeedsTheReasonsForTheDelay() {
        Instant aware = hoursAgo(100);
        long id = create(controllerBreach(aware));
        Registers.get(privacy, BREACHES + "/" + id).then().body("notifications[0].state", equalTo("overdue"));
        String before = counts();
        String late = aware.plus(Duration.ofHours(72)).plusSeconds(1).toString();
        notify(id, map("party", "authority", "at", late)).then().statusCode(422).body("errors[0].field", equalTo("delay_reason"));
        notify(id, map("party", "authority", "at", late, "delay_reason", " ")).then().statusCode(422);
        assertEquals(before, counts());
        notify(id, map("party", "authority", "at", late, "delay_reason", "Forensics needed to establish scope")).then().statusCode(200)
                .body("notifications[0].state", equalTo("late"))
                .body("notifications[0].done_at", equalTo(late))
                .body("delay_reason", equalTo("Forensics needed to establish scope"));
        assertFalse(missedKeys(Instant.now()).contains("breach:" + id + ":authority"));
    }

    @Test
    void aDelayReasonRecordedBeforehandCoversALateNotification() {
        Instant aware = hoursAgo(90);
        long id = create(with(controllerBreach(aware), "delay_reason", "Waiting for the hosting provider's logs"));
        notify(id, map("party", "authority")).then().statusCode(200).body("notifications[0].state", equalTo("late"))
                .body("delay_reason", equalTo("Waiting for the hosting provider's logs"));
        // Taking the reason away afterwards would leave a late notification unexplained.
        put(privacy, BREACHES + "/" + id, controllerBreach(aware)).then().statusCode(422).body("errors[0].field", equalTo("delay_reason"));
    }

    @Test
    void notificationsAreCheckedAgainstTheBreach() {
        Instant aware = hoursAgo(10);
        long controller = create(controllerBreach(aware));
        String before = counts();
        notify(controller, map("party", "authority", "at", aware.minusSeconds(1).toString())).then().statusCode(422)
                .body("errors[0].field", equalTo("at")).body("errors[0].reason", equalTo("must not be before aware_at"));
        notify(controller, map("party", "authority", "at", Instant.now().plus(Duration.ofHours(1)).toString())).then().statusCode(422)
                .body("errors[0].reason", equalTo("must not be in the future"));
        notify(controller, map("party", "authority", "delay_reason", "no delay at all")).then().statusCode(422)
                .body("errors[0].field", equalTo("delay_reason"));
        notify(controller, map("party", "subjects", "delay_reason", "x")).then().statusCode(422);
        notify(controller, map("party", "regulator")).then().statusCode(400).body("errors[0].field", equalTo("party"));
        notify(controller, map("at", aware.toString())).then().statusCode(400).body("errors[0].reason", equalTo("is required"));
        notify(controller, map("party", "authority", "at", "soon")).then().statusCode(400);
        notify(controller, map("party", "authority", "when", aware.toString())).then().statusCode(400);
        // Not required for this breach: the subjects (no high risk) and the controllers (we are controller).
        notify(controller, map("party", "subjects")).then().statusCode(409).contentType("application/problem+json");
        notify(controller, map("party", "controllers")).then().statusCode(409);
        long processor = create(with(controllerBreach(aware), "our_role", "processor"));
        before = counts();
        notify(processor, map("party", "authority")).then().statusCode(409);
        notify(99_999_999L, map("party", "authority")).then().statusCode(404).contentType("application/problem+json");
        post(privacy, BREACHES + "/abc/notifications", map("party", "authority")).then().statusCode(404).contentType("application/problem+json");
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("party", "controllers")
                .post(BREACHES + "/" + processor + "/notifications").then().statusCode(415);
        assertEquals(before, counts());
        notify(processor, map("party", "controllers", "at", aware.plus(Duration.ofHours(1)).toString())).then().statusCode(200)
                .body("notifications[0].party", equalTo("controllers")).body("notifications[0].state", equalTo("on_time"));
    }

    @Test
    void updatesReplaceTheFieldsAndRecordWhatChanged() {
        Instant aware = hoursAgo(5);
        long id = create(controllerBreach(aware));
        String admin = Staff.admin();
        put(admin, BREACHES + "/" + id, with(controllerBreach(aware.minusSeconds(3600)), "title", "Laptop stolen (export of 120 customers)",
                "high_risk_to_subjects", true)).then().statusCode(200)
                .body("title", equalTo("Laptop stolen (export of 120 customers)"))
                .body("notifications.party", equalTo(List.of("authority", "subjects")))
                .body("history.actor", equalTo(List.of("test-privacy", "admin")))
                .body("history[1].action", equalTo("updated"))
                .body("history[1].changes.field", equalTo(List.of("title", "aware_at", "high_risk_to_subjects")))
                .body("history[1].changes[2].from", equalTo(false))
                .body("history[1].changes[2].to", equalTo(true))
                .body("history[1].snapshot.high_risk_to_subjects", equalTo(true))
                .body("history[0].snapshot.high_risk_to_subjects", equalTo(false));

        String before = counts();
        put(privacy, BREACHES + "/" + id, map("title", "only a title")).then().statusCode(400);
        put(privacy, BREACHES + "/" + id, with(controllerBreach(aware), "aware_at", Instant.now().plusSeconds(600).toString())).then().statusCode(422);
        put(privacy, BREACHES + "/99999999", controllerBreach(aware)).then().statusCode(404);
        put(privacy, BREACHES + "/0", controllerBreach(aware)).then().statusCode(404);
        put(privacy, BREACHES + "/007", controllerBreach(aware)).then().statusCode(404);
        put(privacy, BREACHES + "/99999999999999999999999", controllerBreach(aware)).then().statusCode(404);
        given().cookie("tl_session", privacy).contentType(ContentType.URLENC).formParam("title", "x").put(BREACHES + "/" + id).then().statusCode(415);
        assertEquals(before, counts());

        notify(id, map("party", "authority", "at", aware.toString())).then().statusCode(200);
        before = counts();
        // A recorded notification stays true to its facts: it cannot end up before awareness or become not required.
        put(privacy, BREACHES + "/" + id, with(controllerBreach(aware.plusSeconds(60)), "high_risk_to_subjects", true)).then().statusCode(422)
                .body("errors[0].field", equalTo("aware_at"));
        put(privacy, BREACHES + "/" + id, with(controllerBreach(aware), "authority_notification_required", false,
                "no_authority_notification_reason", "no risk after all")).then().statusCode(409);
        put(privacy, BREACHES + "/" + id, with(controllerBreach(aware), "our_role", "processor")).then().statusCode(409);
        assertEquals(before, counts());
    }

    @Test
    void aBreachClosesOnlyOnceEveryRequiredNotificationIsRecorded() {
        Instant aware = hoursAgo(3);
        long id = create(with(controllerBreach(aware), "high_risk_to_subjects", true));
        String before = counts();
        post(privacy, BREACHES + "/" + id + "/close", map()).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("authority, subjects"));
        post(privacy, BREACHES + "/" + id + "/close", "").then().statusCode(400);
        post(privacy, BREACHES + "/" + id + "/close", map("note", "x", "force", true)).then().statusCode(400);
        assertEquals(before, counts());
        notify(id, map("party", "authority")).then().statusCode(200);
        notify(id, map("party", "subjects")).then().statusCode(200).body("notifications.state", equalTo(List.of("on_time", "on_time")));
        post(privacy, BREACHES + "/" + id + "/close", map("note", "Customers informed by email; laptop wiped remotely")).then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("closed_at", not(nullValue()))
                .body("history.action", equalTo(List.of("created", "notified", "notified", "closed")))
                .body("history[3].note", equalTo("Customers informed by email; laptop wiped remotely"))
                .body("history[3].changes.field", equalTo(List.of("status", "closed_at")));
        before = counts();
        post(privacy, BREACHES + "/" + id + "/close", map()).then().statusCode(409);
        put(privacy, BREACHES + "/" + id, controllerBreach(aware)).then().statusCode(409);
        assertEquals(before, counts());

        long noPersonalData = create(with(controllerBreach(aware), "personal_data_affected", false));
        post(privacy, BREACHES + "/" + noPersonalData + "/close", map()).then().statusCode(200).body("status", equalTo("closed"));

        List<Integer> closed = Registers.get(privacy, BREACHES + "?status=closed").then().statusCode(200).extract().jsonPath().getList("id");
        List<Integer> open = Registers.get(privacy, BREACHES + "?status=open").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(closed.contains((int) id) && closed.contains((int) noPersonalData) && !open.contains((int) id), closed + " " + open);
        Registers.get(privacy, BREACHES).then().statusCode(200).body("id", hasItem((int) id));
        Registers.get(privacy, BREACHES + "?status=resolved").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        for (String id : List.of("99999999", "0", "-1", "abc", "1e3", "00001")) {
            Registers.get(privacy, BREACHES + "/" + id).then().statusCode(404).contentType("application/problem+json");
            Registers.get(privacy, BREACHES + "/" + id + "/history").then().statusCode(404);
            post(privacy, BREACHES + "/" + id + "/close", map()).then().statusCode(404);
        }
    }

    @Test
    void missedDeadlinesAreFoundAtTheirExactInstantAndDisappearOnceRecorded() {
        Instant aware = hoursAgo(400); // 16 days and more
        long controller = create(with(controllerBreach(aware), "high_risk_to_subjects", true));
        long processor = create(with(controllerBreach(aware), "our_role", "processor"));
        long notRequired = create(with(controllerBreach(aware), "authority_notification_required", false,
                "no_authority_notification_reason", "Only pseudonymised IDs, no key"));
        long noPersonalData = create(with(controllerBreach(aware), "personal_data_affected", false));
        String authority = "breach:" + controller + ":authority";
        String subjects = "breach:" + controller + ":subjects";
        String controllers = "breach:" + processor + ":controllers";
        Instant due72 = aware.plus(Duration.ofHours(72));
        Instant due14d = aware.plus(Duration.ofDays(14));

        List<String> atAwareness = missedKeys(aware);
        assertFalse(atAwareness.contains(authority) || atAwareness.contains(controllers), atAwareness.toString());
        List<String> atDue = missedKeys(due72);
        assertFalse(atDue.contains(authority) || atDue.contains(controllers), "at due_at exactly there is still time: " + atDue);
        List<String> justAfter = missedKeys(due72.plus(MICRO));
        assertTrue(justAfter.contains(authority) && justAfter.contains(controllers) && !justAfter.contains(subjects), justAfter.toString());
        assertFalse(missedKeys(due14d).contains(subjects));
        List<String> now = missedKeys(Instant.now());
        assertTrue(now.containsAll(List.of(authority, subjects, controllers)), now.toString());
        for (long quiet : List.of(notRequired, noPersonalData)) {
            assertTrue(now.stream().noneMatch(k -> k.startsWith("breach:" + quiet + ":")), now.toString());
        }
        MissedDeadline first = slaCheck.findMissed(Instant.now()).stream().filter(m -> m.sourceKey().equals(authority)).findFirst().orElseThrow();
        assertEquals(due72, first.dueAt());
        assertEquals(List.of(), slaCheck.findMissed(Instant.parse("2000-01-01T00:00:00Z")));
        List<Instant> dues = slaCheck.findMissed(Instant.now()).stream().map(MissedDeadline::dueAt).toList();
        assertEquals(dues.stream().sorted().toList(), dues, "earliest deadline first");

        Registers.get(privacy, BREACHES + "/" + controller).then().body("notifications.state", equalTo(List.of("overdue", "overdue")));
        notify(controller, map("party", "authority", "delay_reason", "Found in an audit")).then().statusCode(200);
        notify(processor, map("party", "controllers")).then().statusCode(200).body("notifications[0].state", equalTo("late"));
        List<String> after = missedKeys(Instant.now());
        assertTrue(after.contains(subjects) && !after.contains(authority) && !after.contains(controllers), after.toString());
    }
}
