package org.trustledger.trust;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.trustledger.config.ConfigFileException;
import org.trustledger.config.ConfigFiles;
import org.trustledger.config.FrontMatter;
import org.trustledger.config.Problems;
import org.trustledger.config.StrictYaml;

/**
 * Reads {@code advisories/*.md}: YAML front matter, then a Markdown body. Every problem is collected
 * as "file: field: reason"; raw HTML in the body is escaped and unsafe link schemes are dropped.
 */
public final class AdvisoryLoader {

    private static final Pattern ID = Pattern.compile("^TL-\\d{4}-\\d{3}$");
    private static final Pattern CVSS = Pattern.compile("^CVSS:(3\\.[01]|4\\.0)(/[A-Za-z]{1,3}:[A-Za-z])+$");
    private static final Set<String> SEVERITIES = Set.of("none", "low", "medium", "high", "critical");
    private static final Set<String> FIELDS = Set.of("id", "title", "severity", "cvss", "published", "updated", "affected", "fixed", "credits");

    private final StrictYaml yaml = new StrictYaml();
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /**
     * Newest first. A missing directory means no advisories.
     *
     * @throws ConfigFileException listing every problem of every file
     */
    public List<Advisory> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Advisory> advisories = new ArrayList<>(ConfigFiles.loadEach(ConfigFiles.list(dir, List.of(".md"), Set.of()), this::parse, Advisory::id));
        advisories.sort(Comparator.comparing(Advisory::published).reversed().thenComparing(Advisory::id));
        return List.copyOf(advisories);
    }

    private Advisory parse(Path file, Problems.In problems) {
        FrontMatter.Document document = FrontMatter.read(file, yaml, problems);
        if (document == null) {
            return null;
        }
        JsonNode fm = document.fields();
        for (Iterator<String> it = fm.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                problems.add(f, "unknown field");
            }
        }
        String id = text(fm, "id", problems, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id", "must look like TL-YYYY-NNN");
        } else if (id != null && !file.getFileName().toString().equals(id + ".md")) {
            problems.add("id", "must match the file name (" + id + ".md)");
        }
        String title = text(fm, "title", problems, true);
        String severity = text(fm, "severity", problems, true);
        if (severity != null && !SEVERITIES.contains(severity)) {
            problems.add("severity", "must be one of none, low, medium, high, critical");
        }
        String cvss = text(fm, "cvss", problems, false);
        if (cvss != null && !CVSS.matcher(cvss).matches()) {
            problems.add("cvss", "not a CVSS 3.x or 4.0 vector");
        }
        Instant published = instant(fm, "published", problems);
        Instant updated = fm.has("updated") ? instant(fm, "updated", problems) : published;
        if (published != null && updated != null && updated.isBefore(published)) {
            problems.add("updated", "before published");
        }
        List<String> affected = list(fm, "affected", problems, true);
        List<String> fixed = list(fm, "fixed", problems, false);
        List<String> credits = list(fm, "credits", problems, false);
        String body = document.body();
        if (body.isBlank()) {
            problems.add("(body)", "the advisory text is empty");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Advisory(id, title, severity, cvss, published, updated, affected, fixed, credits, renderer.render(parser.parse(body)));
    }

    private static String text(JsonNode fm, String field, Problems.In problems, boolean required) {
        JsonNode n = fm.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(field, "required field missing");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(field, "must be non-blank text");
            return null;
        }
        if (n.asText().chars().anyMatch(c -> c < 0x20)) {
            problems.add(field, "must be one line without control characters");
            return null;
        }
        return n.asText().trim();
    }

    private static Instant instant(JsonNode fm, String field, Problems.In problems) {
        String t = text(fm, field, problems, true);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(field, "not an RFC 3339 UTC timestamp such as 2026-03-18T09:00:00Z");
            return null;
        }
    }

    private static List<String> list(JsonNode fm, String field, Problems.In problems, boolean required) {
        JsonNode n = fm.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(field, "required field missing");
            }
            return List.of();
        }
        if (!n.isArray() || n.isEmpty()) {
            problems.add(field, "must be a non-empty list of text");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual() || n.get(i).asText().isBlank()) {
                problems.add(field + "[" + i + "]", "must be non-blank text");
            } else {
                out.add(n.get(i).asText().trim());
            }
        }
        return List.copyOf(out);
    }
}
