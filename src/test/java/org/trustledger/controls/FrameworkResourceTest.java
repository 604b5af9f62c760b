package org.trustledger.controls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FrameworkResourceTest {

    @Test
    void listsTheThreeFrameworksWithTheirCounts() {
        given().get("/api/v1/frameworks").then().statusCode(200).contentType("application/json")
                .body("id", equalTo(List.of("iso27001", "soc2", "gdpr")))
                .body("control_count", equalTo(List.of(93, 43, 31)))
                .body("name", everyItem(notNullValue()));
    }

    @Test
    void iso27001ControlsCarryApplicabilityFromTheSystemDescription() {
        List<Map<String, Object>> controls = given().get("/api/v1/frameworks/iso27001/controls").then().statusCode(200)
                .body("$", hasSize(93))
                .body("[0].id", equalTo("ISO27001:A.5.1"))
                .body("[0].related", hasItem("SOC2:CC5.3"))
                .extract().jsonPath().getList("$");
        for (Map<String, Object> c : controls) {
            boolean applicable = (Boolean) c.get("applicable");
            Object justification = c.get("justification");
            assertEquals(applicable, justification == null, c.toString());
        }
        assertTrue(controls.stream().anyMatch(c -> !(Boolean) c.get("applicable")), "the sample organisation excludes some controls");
    }

    @Test
    void gdprHasSixDocumentedNotApplicableArticles() {
        List<Map<String, Object>> controls = given().get("/api/v1/frameworks/gdpr/controls").then().statusCode(200)
                .body("$", hasSize(31)).extract().jsonPath().getList("$");
        assertEquals(6, controls.stream().filter(c -> !(Boolean) c.get("applicable")).count());
        given().get("/api/v1/frameworks/soc2/controls").then().statusCode(200).body("$", hasSize(43));
    }

    @Test
    void unknownFrameworkIs404Problem() {
        given().get("/api/v1/frameworks/pci-dss/controls").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/api/v1/frameworks/%3Cscript%3E/controls").then().statusCode(404).contentType("application/problem+json");
    }
}
