package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.trustledger.config.ConfigFileException;
import org.trustledger.config.ConfigFiles;
import org.trustledger.config.Problems;
import org.trustledger.config.StrictYaml;

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

    private final StrictYaml yaml = new StrictYaml();
    private final Map<String, CollectorType> types;
    private final Predicate<String> knownControl;

    public DefinitionLoader(Map<String, CollectorType> types, Predicate<String> knownControl) {
        this.types = types;
        this.knownControl = knownControl;
    }

    /**
     * Every definition of {@code dir}, in file-name order.
     *
     * @throws ConfigFileException listing every problem of every file
     */
    public List<CollectorDefinition> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigFileException(List.of(dir + ": collectors directory not found (set trustledger.collectors-dir)"));
        }
        return ConfigFiles.loadEach(ConfigFiles.list(dir, List.of(".yaml", ".yml"), Set.of()), this::loadOne, CollectorDefinition::id);
    }

    /** Null when the file has problems (all reported to {@code problems}). */
    private CollectorDefinition loadOne(Path file, Problems.In problems) {
        JsonNode root = yaml.readMapping(file, problems);
        if (root == null) {
            return null;
        }
        // Collector types report through the same sink, so their params problems count as this file's.
        ProblemSink sink = problems::add;
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                sink.add(f, "unknown field; allowed: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String id = text(root, "id", sink);
        if (id != null && !ID.matcher(id).matches()) {
            sink.add("id", "'" + id + "' must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        String description = text(root, "description", sink);
        String typeName = text(root, "type", sink);
        CollectorType type = null;
        if (typeName != null) {
            type = types.get(typeName);
            if (type == null) {
                sink.add("type", "unknown type '" + typeName + "'; known: " + String.join(", ", types.keySet().stream().sorted().toList()));
            }
        }
        String schedule = text(root, "schedule", sink);
        CronExpression cron = null;
        if (schedule != null) {
            try {
                CronExpression.validateExpression(schedule);
                cron = new CronExpression(schedule);
                cron.setTimeZone(ZONE);
            } catch (ParseException e) {
                sink.add("schedule", "invalid Quartz cron expression '" + schedule + "': " + e.getMessage());
            }
        }
        List<String> controls = new ArrayList<>();
        JsonNode cs = root.get("controls");
        if (cs == null || cs.isNull()) {
            sink.add("controls", "is required (a list of control IDs such as ISO27001:A.5.1)");
        } else if (!cs.isArray() || cs.isEmpty()) {
            sink.add("controls", "must be a non-empty list of control IDs");
        } else {
            for (int i = 0; i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                if (!c.isTextual()) {
                    sink.add("controls[" + i + "]", "must be a control ID string");
                } else if (!knownControl.test(c.asText())) {
                    sink.add("controls[" + i + "]", "unknown control ID '" + c.asText() + "'");
                } else if (controls.contains(c.asText())) {
                    sink.add("controls[" + i + "]", "'" + c.asText() + "' is listed twice");
                } else {
                    controls.add(c.asText());
                }
            }
        }
        Duration freshness = duration(root, "freshness", true, sink);
        if (freshness != null && (freshness.isNegative() || freshness.isZero())) {
            sink.add("freshness", "must be positive");
            freshness = null;
        }
        Duration timeout = duration(root, "timeout", false, sink);
        if (timeout == null && !root.has("timeout")) {
            timeout = DEFAULT_TIMEOUT;
        } else if (timeout != null && (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            sink.add("timeout", "must be between PT1S and PT300S (5 minutes), got " + timeout);
        }
        if (cron != null && freshness != null) {
            Duration gap = longestInterval(cron);
            if (gap != null && gap.compareTo(freshness) > 0) {
                sink.add("freshness", CollectorDefinition.text(freshness) + " is shorter than the longest interval between scheduled runs (" + CollectorDefinition.text(gap)
                        + "), so the evidence would go stale between runs");
            }
        }
        Severity severity = null;
        String sev = text(root, "severity", sink);
        if (sev != null) {
            severity = Severity.parse(sev).orElse(null);
            if (severity == null) {
                sink.add("severity", "'" + sev + "' must be one of low, medium, high, critical");
            }
        }
        JsonNode params = root.get("params");
        if (params == null || params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        } else if (!params.isObject()) {
            sink.add("params", "must be a map");
            params = null;
        }
        if (type != null && params != null && ParamsValidator.check(params, type.params(), sink)) {
            type.validate(params, sink);
        }
        if (!problems.isEmpty()) {
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
