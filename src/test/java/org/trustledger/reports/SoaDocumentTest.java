package org.trustledger.reports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** The SoA as a document: the public one shows statuses only; the staff one adds summaries and ledger entries. */
@QuarkusTest
class SoaDocumentTest {

    @Test
    void publicAndInternalVersionsDifferInDetailOnly() {
        String admin = Staff.admin();
        String summary = given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/collectors/t-cmd-true/run")
                .then().statusCode(200).extract().path("summary");
        String pub = given().get("/compliance/iso27001/soa.html").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"soa-iso27001.html\"").extract().asString();
        assertTrue(pub.contains("<h1>Statement of Applicability</h1>"));
        assertTrue(pub.contains("id=\"ISO27001:A.8.34\""), "all 93 controls");
        assertTrue(pub.contains("public version"));
        assertFalse(pub.contains("ledger entry"), "no ledger internals in public");
        assertFalse(pub.contains(summary), "no evidence summaries in public");

        String internal = given().cookie("tl_session", Staff.withRole("auditor")).get("/api/v1/reports/soa/iso27001").then().statusCode(200)
                .extract().asString();
        assertTrue(internal.contains("internal version"));
        assertTrue(internal.contains("ledger entry"));
        given().get("/api/v1/reports/soa/iso27001").then().statusCode(401);
        given().cookie("tl_session", admin).get("/api/v1/reports/soa/nist").then().statusCode(404).contentType("application/problem+json");
        given().get("/compliance/nist/soa.html").then().statusCode(404).contentType("application/problem+json");
    }
}
