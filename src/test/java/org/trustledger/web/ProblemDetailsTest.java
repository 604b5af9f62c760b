package org.trustledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** Each error class answers problem+json, shows no internals, and writes nothing. */
@QuarkusTest
class ProblemDetailsTest {

    @Inject
    EntityManager em;

    private long accounts() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM staff_account").getSingleResult()).longValue();
    }

    @Test
    void unknownRouteIs404() {
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found")).body("status", equalTo(404));
        given().get("/api/v1/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405() {
        given().put("/api/v1/frameworks").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/v1/auth/login").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        String admin = Staff.admin();
        long before = accounts();
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body("{\"username\": \"x\", ")
                .post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception"))).body(not(containsString("at org.")));
        assertEquals(before, accounts());
    }

    @Test
    void unsupportedMediaTypeIs415() {
        String admin = Staff.admin();
        long before = accounts();
        given().cookie("tl_session", admin).contentType("text/plain").body("username=x")
                .post("/api/v1/staff/accounts")
                .then().statusCode(415).contentType("application/problem+json");
        given().cookie("tl_session", admin).contentType(ContentType.URLENC).formParam("username", "mallory")
                .post("/api/v1/staff/accounts")
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals(before, accounts());
    }

    @Test
    void bodyOverTheLimitIs413() {
        String admin = Staff.admin();
        long before = accounts();
        String huge = "{\"username\":\"big\",\"password\":\"" + "a".repeat(1_200_000) + "\",\"roles\":[\"admin\"]}";
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/staff/accounts")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, accounts());
    }

    @Test
    void validationListsEveryBadField() {
        String admin = Staff.admin();
        long before = accounts();
        given().cookie("tl_session", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "Bad Name!", "password", "", "roles", List.of("root")))
                .post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("roles[0].<list element>"));
        assertEquals(before, accounts());
    }

    @Test
    void unknownFieldAndWrongTypeAre400() {
        String admin = Staff.admin();
        long before = accounts();
        given().cookie("tl_session", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "newbie", "password", "long-enough-password", "roles", List.of("admin"), "is_root", true))
                .post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("is_root"));
        given().cookie("tl_session", admin).contentType(ContentType.JSON)
                .body("{\"username\":\"newbie\",\"password\":\"long-enough-password\",\"roles\":\"admin\"}")
                .post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json");
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body("null")
                .post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, accounts());
    }

    @Test
    void weakPasswordIs422() {
        String admin = Staff.admin();
        given().cookie("tl_session", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "shorty", "password", "short", "roles", List.of("auditor")))
                .post("/api/v1/staff/accounts")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("password"));
    }

    @Test
    void everyJsonBodyIsReadStrictly() {
        String admin = Staff.admin();
        long before = accounts();
        String duplicate = "{\"username\":\"dup-one\",\"username\":\"dup-two\",\"password\":\"a long password\",\"roles\":[\"admin\"]}";
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body(duplicate).post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json");
        String numberForText = "{\"username\":12345,\"password\":\"a long password\",\"roles\":[\"admin\"]}";
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body(numberForText).post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json");
        String trailing = "{\"username\":\"trailing\",\"password\":\"a long password\",\"roles\":[\"admin\"]} {}";
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body(trailing).post("/api/v1/staff/accounts")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, accounts());
    }
}
