package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.system.SystemDescription;

/** Coverage totals checked against a count done here, straight from the definitions and the run table. */
@QuarkusTest
class CoverageTest {

    @Inject
    DataSource db;
    @Inject
    CollectorRegistry registry;
    @Inject
    ControlCatalog catalog;
    @Inject
    SystemDescription system;

    record Latest(String status, Instant collectedAt) {
    }

    @Test
    void totalsMatchAnIndependentCount() throws SQLException {
        Api.run("t-file-pass").then().statusCode(200);
        Api.run("t-cmd-false").then().statusCode(200);
        Api.run("t-policy-crypto").then().statusCode(200);
        for (String fw : List.of("iso27001", "soc2", "gdpr")) {
            JsonPath report = given().cookie("tl_session", Api.admin()).get("/api/v1/frameworks/" + fw + "/coverage")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Latest> latest = new HashMap<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT DISTINCT ON (collector_id) collector_id, status, collected_at FROM collector_run"
                            + " ORDER BY collector_id, collected_at DESC, id DESC")) {
                while (rs.next()) {
                    latest.put(rs.getString(1), new Latest(rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            Instant now = Instant.now();
            int applicable = 0;
            int covered = 0;
            int passing = 0;
            int failing = 0;
            int stale = 0;
            for (Control control : catalog.framework(fw).orElseThrow().controls()) {
                if (system.exclusionJustification(control.id()).isPresent()) {
                    continue;
                }
                applicable++;
                List<CollectorDefinition> tagged = registry.all().stream().filter(d -> d.controls().contains(control.id())).toList();
                if (tagged.isEmpty()) {
                    continue;
                }
                covered++;
                boolean anyBad = tagged.stream().anyMatch(d -> latest.containsKey(d.id()) && !latest.get(d.id()).status().equals("pass"));
                boolean allFreshPass = tagged.stream().allMatch(d -> latest.containsKey(d.id()) && latest.get(d.id()).status().equals("pass")
                        && !latest.get(d.id()).collectedAt().plus(d.freshness()).isBefore(now));
                if (anyBad) {
                    failing++;
                } else if (allFreshPass) {
                    passing++;
                } else {
                    stale++;
                }
            }
            assertEquals(fw, report.getString("framework"));
            assertEquals(catalog.framework(fw).orElseThrow().controls().size(), report.getInt("totals.total"));
            assertEquals(applicable, report.getInt("totals.applicable"), fw);
            assertEquals(covered, report.getInt("totals.covered"), fw);
            assertEquals(passing, report.getInt("totals.passing"), fw);
            assertEquals(failing, report.getInt("totals.failing"), fw);
            assertEquals(stale, report.getInt("totals.stale"), fw);
            assertEquals(covered, passing + failing + stale);
        }
        JsonPath iso = given().cookie("tl_session", Api.admin()).get("/api/v1/frameworks/iso27001/coverage").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> a71 = iso.getMap("controls.find { it.id == 'ISO27001:A.7.1' }");
        assertEquals(false, a71.get("applicable"));
        Map<String, Object> a816 = iso.getMap("controls.find { it.id == 'ISO27001:A.8.16' }");
        assertEquals("fail", a816.get("latest_status"), "worst of its collectors' latest runs");
        assertEquals("failing", a816.get("state"));
        given().cookie("tl_session", Api.admin()).get("/api/v1/frameworks/nist/coverage").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
