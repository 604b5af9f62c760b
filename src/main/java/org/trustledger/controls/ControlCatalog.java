package org.trustledger.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trustledger.config.ConfigFileException;
import org.trustledger.config.Problems;
import org.trustledger.config.StrictYaml;

/**
 * The three control catalogs and their crosswalk, read from the classpath and checked on load:
 * counts, ID spelling (one pattern per framework, so that evidence, policies and the system description
 * all name a control the same way), uniqueness, and that every crosswalk ID exists.
 */
public final class ControlCatalog {

    private static final String BASE = "controls/";
    private static final Map<String, Pattern> ID_FORMATS = Map.of(
            "iso27001", Pattern.compile("^ISO27001:A\\.[5-8]\\.[1-9][0-9]?$"),
            "soc2", Pattern.compile("^SOC2:(CC[1-9]|A1|C1|PI1)\\.[1-9]$"),
            "gdpr", Pattern.compile("^GDPR:Art\\.[1-9][0-9]?$"));
    private static final List<String> FILES = List.of("iso27001-2022.yaml", "soc2-tsc-2017.yaml", "gdpr.yaml");

    private final Map<String, Framework> frameworks;
    private final Map<String, Control> controls;
    private final Map<String, Set<String>> related;

    private ControlCatalog(Map<String, Framework> frameworks, Map<String, Control> controls, Map<String, Set<String>> related) {
        this.frameworks = frameworks;
        this.controls = controls;
        this.related = related;
    }

    /**
     * Reads and checks the catalogs.
     *
     * @throws ConfigFileException listing every problem found
     */
    public static ControlCatalog loadFromClasspath() {
        StrictYaml yaml = new StrictYaml();
        Problems problems = new Problems();
        Map<String, Framework> frameworks = new LinkedHashMap<>();
        Map<String, Control> controls = new LinkedHashMap<>();
        for (String file : FILES) {
            JsonNode root = read(yaml, file, problems);
            if (root == null) {
                continue;
            }
            String id = root.path("id").asText();
            Pattern format = ID_FORMATS.get(id);
            if (format == null) {
                problems.in(BASE + file).add("id", "unknown framework '" + id + "'");
                continue;
            }
            List<Control> list = new ArrayList<>();
            JsonNode items = root.path("controls");
            for (int i = 0; i < items.size(); i++) {
                JsonNode c = items.get(i);
                String cid = c.path("id").asText();
                String where = "controls[" + i + "]";
                if (!format.matcher(cid).matches()) {
                    problems.in(BASE + file).add(where + ".id", "'" + cid + "' does not match " + format.pattern());
                } else if (controls.containsKey(cid)) {
                    problems.in(BASE + file).add(where + ".id", "duplicate '" + cid + "'");
                } else if (c.path("title").asText().isBlank() || c.path("group").asText().isBlank()) {
                    problems.in(BASE + file).add(where, "title and group are required");
                } else {
                    Control control = new Control(cid, id, c.path("title").asText(), c.path("group").asText());
                    list.add(control);
                    controls.put(cid, control);
                }
            }
            int expected = root.path("expected_count").asInt(-1);
            if (list.size() != expected) {
                problems.in(BASE + file).add("controls", list.size() + " valid controls, expected_count says " + expected);
            }
            frameworks.put(id, new Framework(id, root.path("name").asText(), root.path("version").asText(), List.copyOf(list)));
        }
        Map<String, Set<String>> related = new LinkedHashMap<>();
        JsonNode crosswalk = read(yaml, "crosswalk.yaml", problems);
        JsonNode areas = crosswalk == null ? MissingNode.getInstance() : crosswalk.path("areas");
        for (int a = 0; a < areas.size(); a++) {
            List<String> ids = new ArrayList<>();
            JsonNode list = areas.get(a).path("controls");
            for (int i = 0; i < list.size(); i++) {
                String cid = list.get(i).asText();
                if (!controls.containsKey(cid)) {
                    problems.in(BASE + "crosswalk.yaml").add("areas[" + a + "].controls[" + i + "]", "unknown control ID '" + cid + "'");
                } else {
                    ids.add(cid);
                }
            }
            for (String x : ids) {
                for (String y : ids) {
                    if (!controls.get(x).framework().equals(controls.get(y).framework())) {
                        related.computeIfAbsent(x, k -> new TreeSet<>(ControlCatalog::compareIds)).add(y);
                    }
                }
            }
        }
        problems.throwIfAny();
        return new ControlCatalog(Collections.unmodifiableMap(frameworks), Collections.unmodifiableMap(controls), related);
    }

    /** The catalog's tree, or null after reporting why it cannot be read. */
    private static JsonNode read(StrictYaml yaml, String file, Problems problems) {
        Problems.In in = problems.in(BASE + file);
        try (InputStream stream = ControlCatalog.class.getClassLoader().getResourceAsStream(BASE + file)) {
            if (stream == null) {
                in.add(Problems.DOCUMENT, "missing from the classpath");
                return null;
            }
            return yaml.parseMapping(new String(stream.readAllBytes(), StandardCharsets.UTF_8), in, 1);
        } catch (IOException e) {
            in.add(Problems.DOCUMENT, "cannot read: " + e.getMessage());
            return null;
        }
    }

    public List<Framework> frameworks() {
        return List.copyOf(frameworks.values());
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Optional<Control> control(String id) {
        return Optional.ofNullable(controls.get(id));
    }

    public boolean isKnown(String id) {
        return controls.containsKey(id);
    }

    /** Controls of the other frameworks sharing a crosswalk area with this one, in natural ID order. */
    public List<String> related(String id) {
        return List.copyOf(related.getOrDefault(id, Set.of()));
    }

    /** Orders A.5.2 before A.5.10 and CC1.1 before CC10.1: numeric parts compare as numbers. */
    static int compareIds(String a, String b) {
        String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = Character.isDigit(pa[i].charAt(0)) && Character.isDigit(pb[i].charAt(0))
                    ? Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]))
                    : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
