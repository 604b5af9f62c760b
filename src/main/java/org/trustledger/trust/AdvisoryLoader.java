package org.trustledger.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads {@code advisories/*.md}: YAML front matter, then a Markdown body. Every problem is collected
 * as "file: field: reason"; raw HTML in the body is escaped and unsafe link schemes are dropped.
 */
public final class AdvisoryLoader {

    private static final Pattern ID = Pattern.compile("^TL-\\d{4}-\\d{3}$");
    private static final Pattern CVSS = Pattern.compile("^CVSS:(3\\.[01]|4\\.0)(/[A-Za-z]{1,3}:[A-Za-z])+$");
    private static final Set<String> SEVERITIES = Set.of("none", "low", "medium", "high", "critical");
    private static final Set<String> FIELDS = Set.of("id", "title", "severity", "cvss", "published", "updated", "affected", "fixed", "credits");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public static final class InvalidAdvisoriesException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidAdvisoriesException(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    /** Newest first. A missing directory means no advisories. */
    public List<Advisory> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidAdvisoriesException(List.of(dir + ": cannot list (" + e.getMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        List<Advisory> advisories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            Advisory a = parse(file, problems);
            if (a != null && !ids.add(a.id())) {
                problems.add(file + ": id: duplicate '" + a.id() + "'");
            } else if (a != null) {
                advisories.add(a);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAdvisoriesException(problems);
        }
        advisories.sort(Comparator.comparing(Advisory::published).reversed().thenComparing(Advisory::id));
        return List.copyOf(advisories);
    }

    private Advisory parse(Path file, List<String> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            problems.add(file + ": (document): cannot read (" + e.getMessage() + ")");
            return null;
        }
        if (!text.startsWith("---\n") || text.indexOf("\n---\n", 3) < 0) {
            problems.add(file + ": (document): must start with YAML front matter between '---' lines");
            return null;
        }
        int end = text.indexOf("\n---\n", 3);
        JsonNode fm;
        try {
            fm = yaml.readTree(text.substring(4, end + 1));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(file + ": front matter: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            problems.add(file + ": front matter: " + e.getMessage());
            return null;
        }
        if (fm == null || !fm.isObject()) {
            problems.add(file + ": front matter: must be a mapping");
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = fm.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                problems.add(file + ": " + f + ": unknown field");
            }
        }
        String id = text(fm, "id", file, problems, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(file + ": id: must look like TL-YYYY-NNN");
        } else if (id != null && !file.getFileName().toString().equals(id + ".md")) {
            problems.add(file + ": id: must match the file name (" + id + ".md)");
        }
        String title = text(fm, "title", file, problems, true);
        String severity = text(fm, "severity", file, problems, true);
        if (severity != null && !SEVERITIES.contains(severity)) {
            problems.add(file + ": severity: must be one of none, low, medium, high, critical");
        }
        String cvss = text(fm, "cvss", file, problems, false);
        if (cvss != null && !CVSS.matcher(cvss).matches()) {
            problems.add(file + ": cvss: not a CVSS 3.x or 4.0 vector");
        }
        Instant published = instant(fm, "published", file, problems);
        Instant updated = fm.has("updated") ? instant(fm, "updated", file, problems) : published;
        if (published != null && updated != null && updated.isBefore(published)) {
            problems.add(file + ": updated: before published");
        }
        List<String> affected = list(fm, "affected", file, problems, true);
        List<String> fixed = list(fm, "fixed", file, problems, false);
        List<String> credits = list(fm, "credits", file, problems, false);
        String body = text.substring(end + 5);
        if (body.isBlank()) {
            problems.add(file + ": (body): the advisory text is empty");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Advisory(id, title, severity, cvss, published, updated, affected, fixed, credits, renderer.render(parser.parse(body)));
    }

    private static String text(JsonNode fm, String field, Path file, List<String> problems, boolean required) {
        JsonNode n = fm.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(file + ": " + field + ": required field missing");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(file + ": " + field + ": must be non-blank text");
            return null;
        }
        if (n.asText().chars().anyMatch(c -> c < 0x20)) {
            problems.add(file + ": " + field + ": must be one line without control characters");
            return null;
        }
        return n.asText().trim();
    }

    private static Instant instant(JsonNode fm, String field, Path file, List<String> problems) {
        String t = text(fm, field, file, problems, true);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(file + ": " + field + ": not an RFC 3339 UTC timestamp such as 2026-03-18T09:00:00Z");
            return null;
        }
    }

    private static List<String> list(JsonNode fm, String field, Path file, List<String> problems, boolean required) {
        JsonNode n = fm.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(file + ": " + field + ": required field missing");
            }
            return List.of();
        }
        if (!n.isArray() || n.isEmpty()) {
            problems.add(file + ": " + field + ": must be a non-empty list of text");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual() || n.get(i).asText().isBlank()) {
                problems.add(file + ": " + field + "[" + i + "]: must be non-blank text");
            } else {
                out.add(n.get(i).asText().trim());
            }
        }
        return List.copyOf(out);
    }
}
