package org.trustledger.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads and validates {@code system/system-description.yaml}.
 *
 * <p>Every problem is collected, not just the first. If there are any, an
 * {@link InvalidSystemDescriptionException} lists them one per line as
 * {@code <file as given>: <field path>: <reason>}, for example
 * {@code system/system-description.yaml: processing_activities[2].legal_basis: 'Art. 6(1)(g)' is not one of: ...}.
 * YAML syntax errors put the position in the path slot ({@code line 12, column 5}). Problems about the whole
 * file use {@code (document)}.
 *
 * <p>The checks run in stages: YAML syntax (one problem, since parsing cannot continue), then the shape of
 * the tree against the model records (unknown fields, missing or blank required fields, wrong types, bad
 * enum values, dates), then Jackson binding of the valid parts, then semantic checks (formats,
 * references, legal-basis and transfer rules, residency, scoping) on everything that could be bound.
 */
public final class SystemDescriptionLoader {
    /** Default location, relative to the working directory (the repository root). */
    public static final Path DEFAULT_FILE = Path.of("system", "system-description.yaml");

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    private final Clock clock;
    private final YAMLFactory yamlFactory;
    private final ObjectMapper mapper;

    /** Uses the system clock for "today" (dates such as {@code last_review} must not be in the future). */
    public SystemDescriptionLoader() {
        this(Clock.systemDefaultZone());
    }

    public SystemDescriptionLoader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.yamlFactory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.mapper = YAMLMapper.builder(yamlFactory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    /**
     * Loads and validates {@code file}, taking today's date from the loader's clock.
     *
     * @param knownControlId true for control IDs present in the catalogs (e.g. {@code ISO27001:A.7.1})
     * @throws InvalidSystemDescriptionException listing every problem found
     */
    public SystemDescription load(Path file, Predicate<String> knownControlId) {
        return load(file, knownControlId, LocalDate.now(clock));
    }

    /** As {@link #load(Path, Predicate)}, with an explicit "today" for the not-in-the-future date checks. */
    public SystemDescription load(Path file, Predicate<String> knownControlId, LocalDate today) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fail(source, "file not found");
        } catch (CharacterCodingException e) {
            throw fail(source, "not valid UTF-8");
        } catch (IOException e) {
            throw fail(source, "cannot read file: " + e);
        }
        return parse(text, source, knownControlId, today);
    }

    /**
     * Parses and validates YAML text. {@code source} names the text in messages (normally the file path).
     *
     * @throws InvalidSystemDescriptionException listing every problem found
     */
    public SystemDescription parse(String yaml, String source, Predicate<String> knownControlId, LocalDate today) {
        Objects.requireNonNull(knownControlId, "knownControlId");
        Objects.requireNonNull(today, "today");
        Problems problems = new Problems(source);
        JsonNode root = readTree(yaml, problems);
        if (root == null) {
            throw new InvalidSystemDescriptionException(problems.lines());
        }
        if (root.isMissingNode() || root.isNull()) {
            problems.add(Problems.DOCUMENT, "empty document");
            throw new InvalidSystemDescriptionException(problems.lines());
        }
        JsonNode clean = new ShapeChecker(problems).check(root, SystemDescription.class, "");
        if (clean == null) {
            throw new InvalidSystemDescriptionException(problems.lines());
        }
        SystemDescription description;
        try {
            description = mapper.treeToValue(clean, SystemDescription.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Not expected after the shape check; report it the same way rather than as a stack trace.
            problems.add(mappingPath(e), e instanceof UnrecognizedPropertyException ? "unknown field" : firstLine(e));
            throw new InvalidSystemDescriptionException(problems.lines());
        }
        new SystemDescriptionValidator(description, problems, knownControlId, today).validate();
        if (!problems.isEmpty()) {
            throw new InvalidSystemDescriptionException(problems.lines());
        }
        return description;
    }

    /** Syntax check (token stream, so aliases can be rejected), then the tree; null after a syntax problem. */
    private JsonNode readTree(String yaml, Problems problems) {
        try (JsonParser parser = yamlFactory.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                    // Jackson would read an alias as its anchor's name, silently; refuse it instead.
                    problems.add(position(parser.currentTokenLocation()), "YAML aliases (*" + parser.getText()
                            + ") are not supported; write the value out in full");
                }
                if (parser.currentToken() == JsonToken.FIELD_NAME && "<<".equals(parser.currentName())) {
                    problems.add(position(parser.currentTokenLocation()), "YAML merge keys (<<) are not supported");
                }
            }
        } catch (JsonProcessingException e) {
            syntaxProblem(e, problems);
            return null;
        } catch (IOException e) {
            problems.add(Problems.DOCUMENT, "cannot parse: " + e.getMessage());
            return null;
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            syntaxProblem(e, problems);
            return null;
        }
    }

    private static void syntaxProblem(JsonProcessingException e, Problems problems) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                String reason = yaml.getProblem();
                Mark context = yaml.getContextMark();
                if (yaml.getContext() != null && context != null) {
                    reason += " (" + yaml.getContext() + " at " + position(context.getLine() + 1, context.getColumn() + 1) + ")";
                }
                Mark mark = yaml.getProblemMark();
                problems.add(position(mark.getLine() + 1, mark.getColumn() + 1), reason);
                return;
            }
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(e.getOriginalMessage());
        if (duplicate.matches() && e.getProcessor() instanceof JsonParser parser) {
            String path = contextPath(parser.getParsingContext());
            problems.add(Problems.child(path, duplicate.group(1)),
                    "duplicate key (again at " + position(e.getLocation()) + ")");
            return;
        }
        problems.add(position(e.getLocation()), firstLine(e));
    }

    /** Field path of the object that a parser context is in, e.g. {@code vendors[2]}. */
    private static String contextPath(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < chain.size() - 1; i++) {
            JsonStreamContext c = chain.get(i);
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.toString();
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

    private static String position(JsonLocation location) {
        return location == null ? Problems.DOCUMENT : position(location.getLineNr(), location.getColumnNr());
    }

    private static String position(int line, int column) {
        return "line " + line + ", column " + column;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static InvalidSystemDescriptionException fail(String source, String reason) {
        Problems problems = new Problems(source);
        problems.add(Problems.DOCUMENT, reason);
        return new InvalidSystemDescriptionException(problems.lines());
    }
}
