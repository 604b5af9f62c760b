package org.trustledger.trust;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile text in the system description comes out inert in every page and feed that shows it. */
@QuarkusTest
@TestProfile(HostileTextTest.HostileModel.class)
class HostileTextTest {

    public static class HostileModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trustledger.system-description", "src/test/resources/hostile/system-description.yaml",
                    "trustledger.collectors.run-new-on-start", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sub-processors", "/compliance/iso27001", "/compliance/gdpr", "/advisories", "/verify",
            "/compliance/iso27001/soa.html"})
    void pagesEscapeIt(String path) {
        String html = given().get(path).then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>alert(1)"), path);
        assertFalse(html.contains("<img src=x"), path);
        if (!path.startsWith("/advisories") && !path.equals("/verify") && !path.endsWith("soa.html")) {
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&lt;img src=x onerror=alert(2)&gt;"), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sub-processors.json", "/advisories.json"})
    void jsonFeedsCarryItAsText(String path) {
        String json = given().get(path).then().statusCode(200).extract().asString();
        assertFalse(json.contains("<script>alert(1)</script>\""), "no raw script ending a JSON string unescaped: " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/advisories.xml"})
    void rssEscapesIt(String path) {
        String xml = given().get(path).then().statusCode(200).extract().asString();
        assertFalse(xml.contains("<script>"), xml);
        assertTrue(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "organisation name escaped in the channel title");
    }
}
