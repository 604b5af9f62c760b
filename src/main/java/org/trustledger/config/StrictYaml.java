package org.trustledger.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one YAML reader for configuration files. It refuses what would silently change meaning: a key given
 * twice (YAML keeps the last one), aliases (Jackson would read the anchor's name) and merge keys. A syntax
 * error is one problem with its position in the path slot ({@code line 12, column 5}), since parsing cannot
 * go on after it; a duplicate key is reported at its field path.
 */
public final class StrictYaml {
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    private final YAMLFactory factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final ObjectMapper mapper = new ObjectMapper(factory);

    /**
     * The tree of {@code yaml}, or null after reporting its problems; an empty document is a missing node.
     *
     * @param firstLine the line of the file that {@code yaml} starts on (above 1 for front matter), so
     *     positions name lines of the file
     */
    public JsonNode parse(String yaml, Problems.In problems, int firstLine) {
        int before = problems.count();
        int offset = firstLine - 1;
        try (JsonParser parser = factory.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                    problems.add(position(parser.currentTokenLocation(), offset), "YAML aliases (*" + parser.getText()
                            + ") are not supported; write the value out in full");
                }
                if (parser.currentToken() == JsonToken.FIELD_NAME && "<<".equals(parser.currentName())) {
                    problems.add(position(parser.currentTokenLocation(), offset), "YAML merge keys (<<) are not supported");
                }
            }
        } catch (JsonProcessingException e) {
            syntaxProblem(e, problems, offset);
            return null;
        } catch (IOException e) {
            problems.add(Problems.DOCUMENT, "cannot parse: " + e.getMessage());
            return null;
        }
        if (problems.count() > before) {
            return null;
        }
        try {
            return mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            syntaxProblem(e, problems, offset);
            return null;
        }
    }

    /** As {@link #parse}, for a whole file that must be a mapping; null after reporting why it is not. */
    public ObjectNode parseMapping(String yaml, Problems.In problems, int firstLine) {
        JsonNode root = parse(yaml, problems, firstLine);
        if (root == null) {
            return null;
        }
        if (root.isMissingNode() || root.isNull()) {
            problems.add(Problems.DOCUMENT, "empty document");
            return null;
        }
        if (!root.isObject()) {
            problems.add(Problems.DOCUMENT, "expected a mapping, got " + describe(root));
            return null;
        }
        return (ObjectNode) root;
    }

    /** Reads a whole YAML file that must be a mapping; null after reporting why it cannot be used. */
    public ObjectNode readMapping(Path file, Problems.In problems) {
        String text = ConfigFiles.read(file, problems);
        return text == null ? null : parseMapping(text, problems, 1);
    }

    /** How a problem names the kind of value found, e.g. "a list" or "boolean false". */
    public static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "boolean " + node.asText();
        }
        return "nothing";
    }

    private static void syntaxProblem(JsonProcessingException e, Problems.In problems, int offset) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                String reason = yaml.getProblem();
                Mark context = yaml.getContextMark();
                if (yaml.getContext() != null && context != null) {
                    reason += " (" + yaml.getContext() + " at " + position(context.getLine() + 1 + offset, context.getColumn() + 1) + ")";
                }
                Mark mark = yaml.getProblemMark();
                problems.add(position(mark.getLine() + 1 + offset, mark.getColumn() + 1), reason);
                return;
            }
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(e.getOriginalMessage());
        if (duplicate.matches() && e.getProcessor() instanceof JsonParser parser) {
            String path = contextPath(parser.getParsingContext());
            problems.add(Problems.child(path, duplicate.group(1)),
                    "duplicate key (again at " + position(e.getLocation(), offset) + ")");
            return;
        }
        problems.add(position(e.getLocation(), offset), firstLine(e));
    }

    /** Field path of the mapping that a parser context is in, e.g. {@code vendors[2]}. */
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

    private static String position(JsonLocation location, int offset) {
        return location == null ? Problems.DOCUMENT : position(location.getLineNr() + offset, location.getColumnNr());
    }

    private static String position(int line, int column) {
        return "line " + line + ", column " + column;
    }

    /** The first line of an exception's own message, without Jackson's source excerpt. */
    public static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
