package org.trustledger.trust;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubProcessorFeedRouteTest {

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void feedHasExactlyTheListedFields() throws Exception {
        Response r = given().get("/api/v1/sub-processors.json").then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "public, max-age=600")
                .extract().response();
        JsonNode doc = new ObjectMapper().readTree(r.asByteArray());
        assertEquals(Set.of("updated_at", "sub_processors", "changes"), keys(doc));
        assertTrue(doc.get("sub_processors").size() >= 5);
        for (JsonNode s : doc.get("sub_processors")) {
            assertEquals(Set.of("id", "name", "url", "category", "data_access"), keys(s));
            assertTrue(s.get("url").asText().startsWith("https://"));
        }
        for (JsonNode c : doc.get("changes")) {
            assertEquals(Set.of("id", "change", "announced_at", "effective_at"), keys(c));
            assertTrue(Set.of("added", "removed").contains(c.get("change").asText()));
        }
        assertTrue(doc.get("updated_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z"));
    }

    @Test
    void strongEtagAnd304() {
        String etag = given().get("/api/v1/sub-processors.json").then().statusCode(200).extract().header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        given().header("If-None-Match", etag).get("/api/v1/sub-processors.json").then().statusCode(304)
                .body(emptyString()).header("ETag", equalTo(etag)).header("X-Frame-Options", "DENY");
        given().header("If-None-Match", "\"other\", W/" + etag).get("/api/v1/sub-processors.json").then().statusCode(304);
        given().header("If-None-Match", "\"0000\"").get("/api/v1/sub-processors.json").then().statusCode(200);
        given().head("/api/v1/sub-processors.json").then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void writesAreRefused() {
        given().contentType("application/json").body("{}").post("/api/v1/sub-processors.json").then().statusCode(405)
                .contentType("application/problem+json");
    }
}
