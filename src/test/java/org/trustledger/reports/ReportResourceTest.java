package org.trustledger.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.Staff;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.system.ProcessingActivity;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.SystemDescriptionLoader;
import org.trustledger.system.Vendor;

@QuarkusTest
class ReportResourceTest {

    @Inject
    SystemDescription system;

    @Inject
    EntityManager em;

    private long reports() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM report").getSingleResult()).longValue();
    }

    @Test
    void ropaListsEveryProcessingActivityAndIsStoredWithItsHash() throws Exception {
        String session = Staff.withRole("privacy");
        Response created = given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "ropa"))
                .post("/api/v1/reports").then().statusCode(201).body("$", hasSize(1)).body("[0].kind", equalTo("ropa"))
                .extract().response();
        long id = created.jsonPath().getLong("[0].id");
        String sha = created.jsonPath().getString("[0].sha256");
        byte[] html = given().cookie("tl_session", session).get("/api/v1/reports/" + id + "/html").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"ropa-organisation-"))
                .extract().asByteArray();
        assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html)));
        String text = new String(html, StandardCharsets.UTF_8);
        for (ProcessingActivity a : system.processingActivities()) {
            assertTrue(text.contains("id=\"" + a.id() + "\""), "RoPA lists " + a.id());
        }
        assertTrue(text.contains("Processing as controller (Art. 30(1))"));
        assertTrue(text.contains("Processing as processor (Art. 30(2))"));
        assertTrue(text.contains(system.organisation().legalEntity()));
    }

    @Test
    void tiaCoversEveryTransferringVendorWithTheSixSteps() {
        List<String> expected = system.vendors().stream().filter(Vendor::needsTransferAssessment).map(Vendor::id).toList();
        assertEquals(List.of("sentry", "helpscout"), expected, "the sample's SCC transfers");
        String session = Staff.withRole("compliance");
        List<Map<String, Object>> created = given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "tia"))
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getList("$");
        assertEquals(expected, created.stream().map(r -> r.get("subject")).toList());
        for (Map<String, Object> r : created) {
            String html = given().cookie("tl_session", session).get("/api/v1/reports/" + r.get("id") + "/html").then().statusCode(200)
                    .extract().asString();
            for (int step = 1; step <= 6; step++) {
                assertTrue(html.contains("Step " + step + " ·"), r.get("subject") + " step " + step);
            }
            boolean overdue = html.contains("re-evaluation of this assessment was due");
            assertEquals("helpscout".equals(r.get("subject")), overdue, "helpscout's assessment is past its next_review");
        }
        given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "tia", "vendor", "sentry"))
                .post("/api/v1/reports").then().statusCode(201).body("[0].subject", equalTo("sentry"));
    }

    @Test
    void badRequestsWriteNothing() {
        String session = Staff.withRole("compliance");
        long before = reports();
        given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "soa")).post("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json");
        given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "tia", "vendor", "aws")).post("/api/v1/reports")
                .then().statusCode(422);
        given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "ropa", "vendor", "sentry")).post("/api/v1/reports")
                .then().statusCode(422);
        given().cookie("tl_session", session).contentType(ContentType.JSON).body(Map.of("kind", "tia", "vendor", "<x>")).post("/api/v1/reports")
                .then().statusCode(400);
        given().cookie("tl_session", session).contentType(ContentType.JSON).body("{\"kind\":\"ropa\",\"extra\":1}").post("/api/v1/reports")
                .then().statusCode(400);
        given().cookie("tl_session", session).contentType(ContentType.TEXT).body("kind=ropa").post("/api/v1/reports").then().statusCode(415);
        assertEquals(before, reports());
        given().cookie("tl_session", session).get("/api/v1/reports/abc").then().statusCode(404).contentType("application/problem+json");
        given().cookie("tl_session", session).get("/api/v1/reports/99999999/html").then().statusCode(404);
        given().cookie("tl_session", session).get("/api/v1/reports?limit=0").then().statusCode(400);
        given().cookie("tl_session", session).get("/api/v1/reports?kind=x").then().statusCode(400);
    }

    @Test
    void rolesAreChecked() {
        given().get("/api/v1/reports").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("kind", "ropa")).post("/api/v1/reports").then().statusCode(401);
        String auditor = Staff.withRole("auditor");
        given().cookie("tl_session", auditor).get("/api/v1/reports").then().statusCode(200);
        given().cookie("tl_session", auditor).contentType(ContentType.JSON).body(Map.of("kind", "ropa")).post("/api/v1/reports")
                .then().statusCode(403);
    }

    @Test
    void hostileTextInTheModelIsEscaped(@TempDir Path dir) throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode tree = (ObjectNode) yaml.readTree(Path.of("system/system-description.yaml").toFile());
        ((ObjectNode) tree.withArray("/processing_activities").get(0)).put("purpose", "<script>alert(1)</script> \"quoted\" & more");
        ((ObjectNode) tree.withArray("/vendors").get(4)).put("data_access", "<img src=x onerror=alert(2)>");
        Path file = dir.resolve("sd.yaml");
        Files.writeString(file, yaml.writeValueAsString(tree));
        SystemDescription hostile = new SystemDescriptionLoader().load(file, ControlCatalog.loadFromClasspath()::isKnown, LocalDate.of(2026, 11, 25));
        ReportRenderer renderer = new ReportRenderer(hostile);
        String ropa = new String(renderer.ropa(LocalDate.of(2026, 11, 25)).html(), StandardCharsets.UTF_8);
        assertFalse(ropa.contains("<script>alert"));
        assertTrue(ropa.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; more"));
        String tia = new String(renderer.tia(hostile.vendor("sentry").orElseThrow(), LocalDate.of(2026, 11, 25)).html(), StandardCharsets.UTF_8);
        assertFalse(tia.contains("<img src=x"));
        assertTrue(tia.contains("&lt;img src=x onerror=alert(2)&gt;"));
    }
}
