package org.trustledger.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;
import org.trustledger.config.ConfigFileException;
import org.trustledger.config.ConfigFiles;
import org.trustledger.config.Problems;
import org.trustledger.config.RecordShape;
import org.trustledger.config.StrictYaml;

/**
 * Loads and validates {@code system/system-description.yaml}.
 *
 * <p>Every problem is collected, not just the first. If there are any, a {@link ConfigFileException} lists
 * them one per line as {@code <file as given>: <field path>: <reason>}, for example
 * {@code system/system-description.yaml: processing_activities[2].legal_basis: 'Art. 6(1)(g)' is not one of: ...}.
 *
 * <p>The checks run in stages: YAML syntax (one problem, since parsing cannot continue), then the shape of
 * the tree against the model records (unknown fields, missing or blank required fields, wrong types, bad
 * enum values, dates), then Jackson binding of the valid parts, then semantic checks (formats,
 * references, legal-basis and transfer rules, residency, scoping) on everything that could be bound.
 */
public final class SystemDescriptionLoader {
    /** Default location, relative to the working directory (the repository root). */
    public static final Path DEFAULT_FILE = Path.of("system", "system-description.yaml");

    private final Clock clock;
    private final StrictYaml yaml = new StrictYaml();
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /** Uses the system clock for "today" (dates such as {@code last_review} must not be in the future). */
    public SystemDescriptionLoader() {
        this(Clock.systemDefaultZone());
    }

    public SystemDescriptionLoader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads and validates {@code file}, taking today's date from the loader's clock.
     *
     * @param knownControlId true for control IDs present in the catalogs (e.g. {@code ISO27001:A.7.1})
     * @throws ConfigFileException listing every problem found
     */
    public SystemDescription load(Path file, Predicate<String> knownControlId) {
        return load(file, knownControlId, LocalDate.now(clock));
    }

    /** As {@link #load(Path, Predicate)}, with an explicit "today" for the not-in-the-future date checks. */
    public SystemDescription load(Path file, Predicate<String> knownControlId, LocalDate today) {
        Problems problems = new Problems();
        String text = ConfigFiles.read(file, problems.in(file));
        problems.throwIfAny();
        return parse(text, file.toString(), knownControlId, today);
    }

    /**
     * Parses and validates YAML text. {@code source} names the text in messages (normally the file path).
     *
     * @throws ConfigFileException listing every problem found
     */
    public SystemDescription parse(String text, String source, Predicate<String> knownControlId, LocalDate today) {
        Objects.requireNonNull(knownControlId, "knownControlId");
        Objects.requireNonNull(today, "today");
        Problems all = new Problems();
        Problems.In problems = all.in(source);
        JsonNode root = yaml.parse(text, problems, 1);
        if (root != null && (root.isMissingNode() || root.isNull())) {
            problems.add(Problems.DOCUMENT, "empty document");
        }
        all.throwIfAny();
        JsonNode clean = new RecordShape(problems).check(root, SystemDescription.class, "");
        if (clean == null) {
            throw new ConfigFileException(all.lines());
        }
        SystemDescription description;
        try {
            description = mapper.treeToValue(clean, SystemDescription.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Not expected after the shape check; report it the same way rather than as a stack trace.
            problems.add(mappingPath(e), e instanceof UnrecognizedPropertyException ? "unknown field" : StrictYaml.firstLine(e));
            throw new ConfigFileException(all.lines());
        }
        new SystemDescriptionValidator(description, problems, knownControlId, today).validate();
        all.throwIfAny();
        return description;
    }

    private static String mappingPath(Exception e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return Problems.DOCUMENT;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
