package org.trustledger.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quartz.CronExpression;

/**
 * Reads every {@code *.yaml} / {@code *.yml} file of the collectors directory and checks it completely,
 * collecting every problem as {@code file: field: reason} so one start-up shows them all.
 */
public final class DefinitionLoader {

    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(300);
    static final Set<String> FIELDS = Set.of("id", "type", "description", "schedule", "controls", "params", "freshness",
            "severity", "timeout");
    /** Schedules are evaluated in UTC on every instance, whatever the host's zone. */
    public static final TimeZone ZONE = TimeZone.getTimeZone("UTC");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private final Map<String, CollectorType> types;
    private final Predicate<String> knownControl;

    public DefinitionLoader(Map<String, CollectorType> types, Predicate<String> knownControl) {
        this.types = types;
        this.knownControl = knownControl;
    }

    public static final class InvalidDefinitionsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidDefinitionsException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public List<CollectorDefinition> load(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new InvalidDefinitionsException(List.of(dir + ": collectors directory not found (set trustledger.collectors-dir)"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidDefinitionsException(List.of(dir + ": cannot list: " + e.getMessage()));
        }
        Map<String, Path> seen = new LinkedHashMap<>();
        List<CollectorDefinition> out = new ArrayList<>();
        for (Path file : files) {
            CollectorDefinition d = loadOne(file, (field, reason) -> problems.add(file + ": " + field + ": " + reason));
            if (d == null) {
                continue;
            }
            Path other = seen.putIfAbsent(d.id(), file);
            if (other != null) {
                problems.add(file + ": id: duplicate id '" + d.id() + "', also defined in " + other);
            } else {
                out.add(d);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionsException(problems);
        }
        return List.copyOf(out);
    }

    /** Null when the file has problems (all reported to {@code problems}). */
    CollectorDefinition loadOne(Path file, ProblemSink problems) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add("(document)", "YAML syntax error" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            problems.add("(document)", "cannot read: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add("(document)", "must be a YAML mapping of collector fields");
            return null;
        }
        int[] n = {0};
        ProblemSink counting = (f, r) -> {
            n[0]++;
            problems.add(f, r);
        };
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                counting.add(f, "unknown field; allowed: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String id = text(root, "id", counting);
        if (id != null && !ID.matcher(id).matches()) {
            counting.add("id", "'" + id + "' must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        String description = text(root, "description", counting);
        String typeName = text(root, "type", counting);
        CollectorType type = null;
        if (typeName != null) {
            type = types.get(typeName);
            if (type == null) {
                counting.add("type", "unknown type '" + typeName + "'; known: " + String.join(", ", types.keySet().stream().sorted().toList()));
            }
        }
        String schedule = text(root, "schedule", counting);
        CronExpression cron = null;
        if (schedule != null) {
            try {
                CronExpression.validateExpression(schedule);
                cron = new CronExpression(schedule);
                cron.setTimeZone(ZONE);
            } catch (ParseException e) {
                counting.add("schedule", "invalid Quartz cron expression '" + schedule + "': " + e.getMessage());
            }
        }
        List<String> controls = new ArrayList<>();
        JsonNode cs = root.get("controls");
        if (cs == null || cs.isNull()) {
            counting.add("controls", "is required (a list of control IDs such as ISO27001:A.5.1)");
        } else if (!cs.isArray() || cs.isEmpty()) {
            counting.add("controls", "must be a non-empty list of control IDs");
        } else {
            for (int i = 0; i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                if (!c.isTextual()) {
                    counting.add("controls[" + i + "]", "must be a control ID string");
                } else if (!knownControl.test(c.asText())) {
                    counting.add("controls[" + i + "]", "unknown control ID '" + c.asText() + "'");
                } else if (controls.contains(c.asText())) {
                    counting.add("controls[" + i + "]", "'" + c.asText() + "' is listed twice");
                } else {
                    controls.add(c.asText());
                }
            }
        }
        Duration freshness = duration(root, "freshness", true, counting);
        if (freshness != null && (freshness.isNegative() || freshness.isZero())) {
            counting.add("freshness", "must be positive");
            freshness = null;
        }
        Duration timeout = duration(root, "timeout", false, counting);
        if (timeout == null && !root.has("timeout")) {
            timeout = DEFAULT_TIMEOUT;
        } else if (timeout != null && (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            counting.add("timeout", "must be between PT1S and PT300S (5 minutes), got " + timeout);
        }
        if (cron != null && freshness != null) {
            Duration gap = longestInterval(cron);
            if (gap != null && gap.compareTo(freshness) > 0) {
                counting.add("freshness", CollectorDefinition.text(freshness) + " is shorter than the longest interval between scheduled runs (" + CollectorDefinition.text(gap)
                        + "), so the evidence would go stale between runs");
            }
        }
        Severity severity = null;
        String sev = text(root, "severity", counting);
        if (sev != null) {
            severity = Severity.parse(sev).orElse(null);
            if (severity == null) {
                counting.add("severity", "'" + sev + "' must be one of low, medium, high, critical");
            }
        }
        JsonNode params = root.get("params");
        if (params == null || params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        } else if (!params.isObject()) {
            counting.add("params", "must be a map");
            params = null;
        }
        if (type != null && params != null && ParamsValidator.check(params, type.params(), counting)) {
            type.validate(params, counting);
        }
        if (n[0] > 0) {
            return null;
        }
        return new CollectorDefinition(id, typeName, description.strip(), schedule, controls, params, freshness, severity, timeout, file);
    }

    private static String text(JsonNode root, String field, ProblemSink problems) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            problems.add(field, "is required");
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(field, "must be a non-empty string");
            return null;
        }
        return v.asText();
    }

    private static Duration duration(JsonNode root, String field, boolean required, ProblemSink problems) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(field, "is required (an ISO-8601 duration such as P1D or PT6H)");
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(field, "must be an ISO-8601 duration such as P1D or PT6H");
            return null;
        }
        try {
            return Duration.parse(v.asText());
        } catch (DateTimeParseException e) {
            problems.add(field, "'" + v.asText() + "' is not an ISO-8601 duration such as P1D or PT6H");
            return null;
        }
    }

    /** The longest gap between the next few fire times; enough to catch "daily schedule, hourly freshness". */
    static Duration longestInterval(CronExpression cron) {
        Date t = cron.getNextValidTimeAfter(new Date());
        Duration longest = null;
        for (int i = 0; i < 32 && t != null; i++) {
            Date next = cron.getNextValidTimeAfter(t);
            if (next == null) {
                break;
            }
            Duration d = Duration.ofMillis(next.getTime() - t.getTime());
            if (longest == null || d.compareTo(longest) > 0) {
                longest = d;
            }
            t = next;
        }
        return longest;
    }
}
