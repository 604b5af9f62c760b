package org.trustledger.policies;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.trustledger.config.ConfigFileException;
import org.trustledger.config.ConfigFiles;
import org.trustledger.config.FrontMatter;
import org.trustledger.config.Problems;
import org.trustledger.config.StrictYaml;

/**
 * Reads the policy library: Markdown files whose YAML front matter (between two {@code ---} lines)
 * names id, title, version, owner, approved_at, review_interval_days and controls. Every problem is
 * reported as {@code file: field: reason}; a {@code README.md} beside the policies is not one.
 */
public final class PolicyLoader {

    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    static final Set<String> FIELDS = Set.of("id", "title", "version", "owner", "approved_at", "review_interval_days", "controls");
    public static final int MAX_REVIEW_INTERVAL_DAYS = 1095;

    private final StrictYaml yaml = new StrictYaml();
    private final Predicate<String> knownControl;
    private final LocalDate today;

    public PolicyLoader(Predicate<String> knownControl, LocalDate today) {
        this.knownControl = knownControl;
        this.today = today;
    }

    /**
     * Every policy of {@code dir}, in file-name order.
     *
     * @throws ConfigFileException listing every problem of every file
     */
    public List<Policy> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigFileException(List.of(dir + ": policies directory not found (set trustledger.policies-dir)"));
        }
        return ConfigFiles.loadEach(ConfigFiles.list(dir, List.of(".md"), Set.of("README.md")), this::loadOne, Policy::id);
    }

    private Policy loadOne(Path file, Problems.In problems) {
        FrontMatter.Document document = FrontMatter.read(file, yaml, problems);
        if (document == null) {
            return null;
        }
        JsonNode fm = document.fields();
        for (Iterator<String> it = fm.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                problems.add(f, "unknown field; allowed: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String id = text(fm, "id", problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id", "'" + id + "' must be 2-63 characters of a-z, 0-9 and '-'");
        }
        String title = text(fm, "title", problems);
        String version = text(fm, "version", problems);
        String owner = text(fm, "owner", problems);
        LocalDate approved = null;
        String approvedText = text(fm, "approved_at", problems);
        if (approvedText != null) {
            try {
                approved = LocalDate.parse(approvedText);
                if (approved.isAfter(today)) {
                    problems.add("approved_at", approved + " is in the future");
                }
            } catch (DateTimeParseException e) {
                problems.add("approved_at", "'" + approvedText + "' is not a date (yyyy-mm-dd)");
            }
        }
        int interval = 0;
        JsonNode iv = fm.get("review_interval_days");
        if (iv == null || iv.isNull()) {
            problems.add("review_interval_days", "is required");
        } else if (!iv.isIntegralNumber() || !iv.canConvertToInt() || iv.asInt() < 1 || iv.asInt() > MAX_REVIEW_INTERVAL_DAYS) {
            problems.add("review_interval_days", "must be an integer from 1 to " + MAX_REVIEW_INTERVAL_DAYS);
        } else {
            interval = iv.asInt();
        }
        List<String> controls = new ArrayList<>();
        JsonNode cs = fm.get("controls");
        if (cs == null || !cs.isArray() || cs.isEmpty()) {
            problems.add("controls", "must be a non-empty list of control IDs");
        } else {
            for (int i = 0; i < cs.size(); i++) {
                String c = cs.get(i).isTextual() ? cs.get(i).asText() : null;
                if (c == null || !knownControl.test(c)) {
                    problems.add("controls[" + i + "]", "unknown control ID '" + cs.get(i).asText() + "'");
                } else if (!controls.contains(c)) {
                    controls.add(c);
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Policy(id, title, version, owner, approved, interval, controls, file);
    }

    private static String text(JsonNode fm, String field, Problems.In problems) {
        JsonNode v = fm.get(field);
        if (v == null || v.isNull()) {
            problems.add(field, "is required");
            return null;
        }
        // YAML reads 2026-01-01 and 1.0 as non-strings; their text is what the author wrote.
        if (!v.isValueNode() || v.asText().isBlank()) {
            problems.add(field, "must be a non-empty value");
            return null;
        }
        return v.asText();
    }
}
