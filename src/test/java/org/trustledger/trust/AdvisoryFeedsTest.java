package org.trustledger.trust;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class AdvisoryFeedsTest {

    private static Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String child(Element e, String name) {
        NodeList l = e.getElementsByTagName(name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    @Test
    void rssHasTheRequiredElementsNewestFirst() throws Exception {
        byte[] body = given().get("/advisories.xml").then().statusCode(200).contentType("application/rss+xml").extract().asByteArray();
        Document doc = parseXml(body);
        Element rss = doc.getDocumentElement();
        assertEquals("rss", rss.getTagName());
        assertEquals("2.0", rss.getAttribute("version"));
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertTrue(child(channel, "title").endsWith("security advisories"));
        assertTrue(child(channel, "link").startsWith("http://localhost:8080/advisories"));
        assertFalse(child(channel, "description").isBlank());
        NodeList items = channel.getElementsByTagName("item");
        assertEquals(2, items.getLength());
        Instant previous = Instant.MAX;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertTrue(child(item, "title").startsWith("TL-2026-"));
            assertTrue(child(item, "link").matches("http://localhost:8080/advisories/TL-\\d{4}-\\d{3}"));
            assertEquals(child(item, "link"), child(item, "guid"));
            Instant published = ZonedDateTime.parse(child(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertTrue(published.isBefore(previous), "newest first");
            previous = published;
            assertTrue(child(item, "description").contains("<h2>"), "HTML carried as escaped text");
        }
        assertEquals("Wed, 2 Sep 2026 11:00:00 GMT", child((Element) items.item(0), "pubDate"));
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        byte[] body = given().get("/advisories.json").then().statusCode(200).contentType("application/feed+json").extract().asByteArray();
        JsonNode feed = new ObjectMapper().readTree(body);
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertFalse(feed.get("title").asText().isBlank());
        assertEquals("http://localhost:8080/advisories.json", feed.get("feed_url").asText());
        JsonNode items = feed.get("items");
        assertEquals(2, items.size());
        assertEquals(List.of("http://localhost:8080/advisories/TL-2026-002", "http://localhost:8080/advisories/TL-2026-001"),
                List.of(items.get(0).get("id").asText(), items.get(1).get("id").asText()));
        for (JsonNode item : items) {
            Instant.parse(item.get("date_published").asText());
            Instant.parse(item.get("date_modified").asText());
            assertTrue(item.get("content_html").asText().contains("<p>"));
            assertTrue(item.get("url").asText().startsWith("http://localhost:8080/"));
        }
    }

    @Test
    void pages() {
        String list = given().get("/advisories").then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(list.contains("href=\"/advisories/TL-2026-001\""));
        String one = given().get("/advisories/TL-2026-001").then().statusCode(200).extract().asString();
        assertTrue(one.contains("<h1>TL-2026-001: Open redirect after sign-in in the customer web app</h1>"));
        assertTrue(one.contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"));
        given().get("/advisories/TL-2099-999").then().statusCode(404).contentType("application/problem+json");
        given().get("/advisories/%3Cscript%3E").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void hostileAdvisoryTextStaysInertInBothFeeds() throws Exception {
        Advisory hostile = new Advisory("TL-2026-999", "</title><script>alert(1)</script> & \"q\"", "low", null,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), List.of("x ]]> y"), List.of(), List.of(),
                "<p>&lt;script&gt;</p>");
        PublicUrl url = new PublicUrl("https://trust.example.com/");
        String rss = AdvisoryFeeds.rss("Org <b>", List.of(hostile), url);
        Document doc = parseXml(rss.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Element item = (Element) doc.getElementsByTagName("item").item(0);
        assertEquals("TL-2026-999: </title><script>alert(1)</script> & \"q\"", child(item, "title"), "round-trips as text, not markup");
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(AdvisoryFeeds.json(mapper, "Org <b>", List.of(hostile), url)));
        assertEquals("TL-2026-999: </title><script>alert(1)</script> & \"q\"", json.get("items").get(0).get("title").asText());
        assertEquals("https://trust.example.com/advisories/TL-2026-999", json.get("items").get(0).get("url").asText());
    }
}
