package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** The nonconformity register: failing and stale checks open one gap per source, a pass closes it, staff assign and close. */
@QuarkusTest
class GapsTest {

    @Inject
    DataSource db;
    @Inject
    CollectorScheduler scheduler;
    @Inject
    Gaps gaps;

    private static JsonPath gapsOf(String source, String status) {
        return given().cookie("tl_session", Api.admin()).queryParam("source", source).queryParam("status", status)
                .get("/api/v1/gaps").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void failingCheckOpensOneGapAndTheNextPassClosesIt() throws Exception {
        Path flip = Path.of("target/gap-flip.txt");
        Files.writeString(flip, "drifted\n");
        gaps.closeBySource("t-file-drift", "test set-up");
        long failed = Api.run("t-file-drift").then().statusCode(200).body("status", is("fail")).extract().jsonPath().getLong("id");
        Api.run("t-file-drift").then().statusCode(200).body("status", is("fail"));
        JsonPath open = gapsOf("t-file-drift", "open");
        assertEquals(1, open.getList("$").size(), "a second failure does not open a second gap");
        assertEquals(failed, open.getLong("[0].opened_by_run"));
        assertEquals("high", open.getString("[0].severity"));
        assertEquals(List.of("ISO27001:A.8.9", "SOC2:CC8.1", "GDPR:Art.32"), open.getList("[0].controls"));
        assertTrue(open.getString("[0].reason").startsWith("run " + failed + " fail: drift from the approved baseline"));
        long gapId = open.getLong("[0].id");

        Files.writeString(flip, "approved configuration\n");
        long passed = Api.run("t-file-drift").then().statusCode(200).body("status", is("pass")).extract().jsonPath().getLong("id");
        assertEquals(0, gapsOf("t-file-drift", "open").getList("$").size());
        JsonPath detail = given().cookie("tl_session", Api.admin()).get("/api/v1/gaps/" + gapId).then().statusCode(200).extract().jsonPath();
        assertEquals("closed", detail.getString("gap.status"));
        assertEquals("closed by passing run " + passed, detail.getString("gap.resolution"));
        assertEquals("collector:t-file-drift", detail.getString("gap.closed_by"));
        assertEquals(List.of("opened", "closed"), detail.getList("events.action"));
        Files.delete(flip);
    }

    @Test
    void evidencePastItsFreshnessOpensAGapUntilTheNextPass() {
        gaps.closeBySource("t-stale", "test set-up");
        long run = Api.run("t-stale").then().statusCode(200).body("status", is("pass")).extract().jsonPath().getLong("id");
        assertTrue(scheduler.sweepStaleEvidence().stream().noneMatch("t-stale"::equals));
        // Age the evidence instead of waiting an hour: the latest run now looks two hours old.
        Api.exec(db, "UPDATE collector_run SET collected_at = collected_at - interval '2 hours' WHERE id = " + run);
        assertTrue(scheduler.sweepStaleEvidence().contains("t-stale"));
        assertTrue(scheduler.sweepStaleEvidence().stream().noneMatch("t-stale"::equals), "one open gap per source");
        JsonPath open = gapsOf("t-stale", "open");
        assertEquals(1, open.getList("$").size());
        assertTrue(open.getString("[0].reason").startsWith("evidence stale: latest run " + run + " was collected at "));
        assertTrue(open.getString("[0].reason").endsWith("older than its freshness PT1H"));
        Api.run("t-stale").then().statusCode(200).body("status", is("pass"));
        assertEquals(0, gapsOf("t-stale", "open").getList("$").size());
    }

    @Test
    void staffAssignAndCloseWithAResolutionAndFilter() {
        Gap g = gaps.open("breach:42", List.of("GDPR:Art.33", "ISO27001:A.5.26"), Severity.CRITICAL, "notification deadline missed");
        assertEquals(g.id(), gaps.open("breach:42", List.of("GDPR:Art.33"), Severity.CRITICAL, "again").id());
        String compliance = Staff.withRole("compliance");
        given().cookie("tl_session", compliance).contentType(ContentType.JSON).body(Map.of("assignee", "admin"))
                .post("/api/v1/gaps/" + g.id() + "/assign").then().statusCode(200).body("assignee", is("admin"));
        JsonPath filtered = given().cookie("tl_session", Api.admin()).queryParam("status", "open").queryParam("severity", "critical")
                .queryParam("control", "GDPR:Art.33").get("/api/v1/gaps").then().statusCode(200).extract().jsonPath();
        assertTrue(filtered.getList("id", Long.class).contains(g.id()));
        given().cookie("tl_session", Api.admin()).queryParam("control", "SOC2:CC6.1").get("/api/v1/gaps").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class).forEach(id -> assertTrue(id != g.id()));
        given().cookie("tl_session", compliance).contentType(ContentType.JSON).body(Map.of("resolution", "Notified the AP late; process fixed."))
                .post("/api/v1/gaps/" + g.id() + "/close").then().statusCode(200).body("status", is("closed"))
                .body("closed_by", is("staff:test-compliance"));
        given().cookie("tl_session", compliance).contentType(ContentType.JSON).body(Map.of("resolution", "twice"))
                .post("/api/v1/gaps/" + g.id() + "/close").then().statusCode(409).contentType("application/problem+json");
        JsonPath detail = given().cookie("tl_session", Staff.withRole("auditor")).get("/api/v1/gaps/" + g.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("opened", "assigned", "closed"), detail.getList("events.action"));
        assertEquals(List.of("system", "staff:test-compliance", "staff:test-compliance"), detail.getList("events.actor"));
        assertTrue(gaps.closeBySource("breach:42", "x").isEmpty(), "nothing left open");
    }
}
