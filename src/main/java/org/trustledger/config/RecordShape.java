package org.trustledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural check of a YAML tree against model records, for a file bound to Java records rather than
 * read field by field. It reports every unknown field, missing
 * required field, blank string, empty required list, wrong type, bad enum value and unparsable date, not
 * just the first. It returns a cleaned copy of the tree that holds only valid values: invalid ones are
 * dropped (list entries become null, so indexes stay stable), so Jackson can still bind the rest and the
 * semantic checks can run.
 *
 * <p>Field names come from the record components through the same snake_case strategy that the
 * records' {@code @JsonNaming} gives Jackson, so the two cannot drift apart.
 */
public final class RecordShape {
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final Problems.In problems;

    public RecordShape(Problems.In problems) {
        this.problems = problems;
    }

    /**
     * Checks a non-null node against {@code type} (a record with {@code @JsonNaming(SnakeCaseStrategy)}, a
     * {@code List} of one, String, LocalDate, Boolean, Integer or an enum); returns the cleaned node, or null
     * if the value is unusable.
     */
    public JsonNode check(JsonNode node, Type type, String path) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return checkList(node, parameterized.getActualTypeArguments()[0], path);
        }
        if (type instanceof Class<?> c) {
            if (c == String.class) {
                return checkString(node, path);
            }
            if (c == LocalDate.class) {
                return checkDate(node, path);
            }
            if (c == Boolean.class) {
                return expect(node.isBoolean(), node, path, "true or false");
            }
            if (c == Integer.class) {
                return expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "a whole number");
            }
            if (c.isEnum()) {
                return checkEnum(node, c, path);
            }
            if (c.isRecord()) {
                return checkRecord(node, c, path);
            }
        }
        throw new IllegalStateException("unsupported type in a configuration model: " + type);
    }

    private JsonNode checkRecord(JsonNode node, Class<?> type, String path) {
        if (!node.isObject()) {
            problems.add(path, "expected a mapping, got " + StrictYaml.describe(node));
            return null;
        }
        Map<String, RecordComponent> fields = fields(type);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            String fieldPath = Problems.child(path, name);
            RecordComponent component = fields.get(name);
            if (component == null) {
                problems.add(fieldPath, unknownField(name, fields.keySet()));
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue; // reported below if required
            }
            boolean optional = component.isAnnotationPresent(OptionalField.class);
            if (!optional && value.isArray() && value.isEmpty()) {
                problems.add(fieldPath, "must not be empty");
            }
            JsonNode clean = check(value, component.getGenericType(), fieldPath);
            if (clean != null) {
                out.set(name, clean);
            }
        }
        for (Map.Entry<String, RecordComponent> field : fields.entrySet()) {
            JsonNode value = node.get(field.getKey());
            if ((value == null || value.isNull()) && !field.getValue().isAnnotationPresent(OptionalField.class)) {
                problems.add(Problems.child(path, field.getKey()), "required field missing");
            }
        }
        return out;
    }

    private JsonNode checkList(JsonNode node, Type elementType, String path) {
        if (!node.isArray()) {
            problems.add(path, "expected a list, got " + StrictYaml.describe(node));
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = Problems.index(path, i);
            if (element.isNull()) {
                problems.add(elementPath, "empty list entry");
                out.add(NullNode.getInstance());
                continue;
            }
            JsonNode clean = check(element, elementType, elementPath);
            out.add(clean == null ? NullNode.getInstance() : clean);
        }
        return out;
    }

    private JsonNode checkString(JsonNode node, String path) {
        if (node.isTextual()) {
            if (node.asText().isBlank()) {
                problems.add(path, "must not be blank");
                return null;
            }
            return node;
        }
        if (node.isBoolean()) {
            problems.add(path, "expected a string, got boolean " + node.asText()
                    + " (quote the value: YAML reads unquoted yes, no, on, off, y, n as booleans)");
        } else if (node.isNumber()) {
            problems.add(path, "expected a string, got the number " + node.asText() + " (quote the value)");
        } else {
            problems.add(path, "expected a string, got " + StrictYaml.describe(node));
        }
        return null;
    }

    private JsonNode checkDate(JsonNode node, String path) {
        if (!node.isTextual()) {
            problems.add(path, "expected a date (yyyy-mm-dd), got " + StrictYaml.describe(node));
            return null;
        }
        try {
            LocalDate.parse(node.asText());
            return node;
        } catch (DateTimeParseException e) {
            problems.add(path, "not an ISO date (yyyy-mm-dd): '" + node.asText() + "'");
            return null;
        }
    }

    private JsonNode checkEnum(JsonNode node, Class<?> type, String path) {
        List<String> allowed = enumValues(type);
        if (node.isTextual() && allowed.contains(node.asText())) {
            return node;
        }
        String expected = String.join(", ", allowed);
        if (node.isTextual()) {
            problems.add(path, "'" + node.asText() + "' is not one of: " + expected);
        } else {
            problems.add(path, "expected one of: " + expected + "; got " + StrictYaml.describe(node));
        }
        return null;
    }

    private JsonNode expect(boolean ok, JsonNode node, String path, String expected) {
        if (ok) {
            return node;
        }
        problems.add(path, "expected " + expected + ", got " + StrictYaml.describe(node));
        return null;
    }

    /** YAML field name of each record component, in declaration order. */
    static Map<String, RecordComponent> fields(Class<?> recordType) {
        if (!recordType.isAnnotationPresent(JsonNaming.class)) {
            throw new IllegalStateException(recordType.getName() + " lacks @JsonNaming(SnakeCaseStrategy)");
        }
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            fields.put(SNAKE_CASE.translate(component.getName()), component);
        }
        return fields;
    }

    /** YAML spellings of an enum's constants ({@code @JsonProperty} value, else the constant name). */
    static List<String> enumValues(Class<?> enumType) {
        List<String> values = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = enumType.getField(name).getAnnotation(JsonProperty.class);
                values.add(property == null || property.value().isEmpty() ? name : property.value());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static String unknownField(String name, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= 2 ? "unknown field (did you mean '" + best + "'?)" : "unknown field";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
