package org.trustledger.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** RSS 2.0 and JSON Feed 1.1 documents of the advisories; writers, not string concatenation, do the escaping. */
final class AdvisoryFeeds {

    static final String TITLE_SUFFIX = " security advisories";

    private AdvisoryFeeds() {
    }

    static String rss(String organisation, List<Advisory> advisories, PublicUrl url) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", "http://www.w3.org/2005/Atom");
            x.writeStartElement("channel");
            element(x, "title", organisation + TITLE_SUFFIX);
            element(x, "link", url.of("/advisories"));
            element(x, "description", "Security advisories published by " + organisation + ".");
            element(x, "language", "en");
            x.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
            x.writeAttribute("href", url.of("/advisories.xml"));
            x.writeAttribute("rel", "self");
            x.writeAttribute("type", "application/rss+xml");
            if (!advisories.isEmpty()) {
                element(x, "lastBuildDate", rfc822(advisories.stream().map(Advisory::updated).max(java.util.Comparator.naturalOrder()).get()));
            }
            for (Advisory a : advisories) {
                x.writeStartElement("item");
                element(x, "title", a.id() + ": " + a.title());
                element(x, "link", url.of("/advisories/" + a.id()));
                x.writeStartElement("guid");
                x.writeAttribute("isPermaLink", "true");
                x.writeCharacters(url.of("/advisories/" + a.id()));
                x.writeEndElement();
                element(x, "pubDate", rfc822(a.published()));
                element(x, "category", "severity:" + a.severity());
                element(x, "description", a.html());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static ObjectNode json(ObjectMapper mapper, String organisation, List<Advisory> advisories, PublicUrl url) {
        ObjectNode feed = mapper.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", organisation + TITLE_SUFFIX);
        feed.put("home_page_url", url.of("/advisories"));
        feed.put("feed_url", url.of("/advisories.json"));
        feed.put("language", "en");
        ArrayNode items = feed.putArray("items");
        for (Advisory a : advisories) {
            ObjectNode item = items.addObject();
            item.put("id", url.of("/advisories/" + a.id()));
            item.put("url", url.of("/advisories/" + a.id()));
            item.put("title", a.id() + ": " + a.title());
            item.put("content_html", a.html());
            item.put("date_published", a.published().toString());
            item.put("date_modified", a.updated().toString());
            ArrayNode tags = item.putArray("tags");
            tags.add("severity:" + a.severity());
            ObjectNode ext = item.putObject("_trustledger");
            ext.put("advisory_id", a.id());
            ext.put("severity", a.severity());
            if (a.cvss() != null) {
                ext.put("cvss", a.cvss());
            }
            a.affected().forEach(ext.putArray("affected")::add);
            a.fixed().forEach(ext.putArray("fixed")::add);
        }
        return feed;
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static String rfc822(java.time.Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }
}
