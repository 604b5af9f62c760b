package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/** Checks the shape of {@code params:} against a type's declared {@link Param}s: required, unknown and ill-typed fields. */
public final class ParamsValidator {

    private ParamsValidator() {
    }

    /** Returns true when the shape is acceptable, so the type's own {@code validate} may read it safely. */
    public static boolean check(JsonNode params, List<Param> declared, ProblemSink problems) {
        boolean ok = true;
        for (Param p : declared) {
            JsonNode v = params.get(p.name());
            if (v == null || v.isNull()) {
                if (p.required()) {
                    problems.add("params." + p.name(), "is required (" + p.kind().text + ": " + p.description() + ")");
                    ok = false;
                }
                continue;
            }
            String wrong = kindProblem(v, p.kind());
            if (wrong != null) {
                problems.add("params." + p.name(), wrong);
                ok = false;
            }
        }
        for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                problems.add("params." + name, "unknown parameter; this type accepts "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.stream().map(Param::name).toList())));
                ok = false;
            }
        }
        return ok;
    }

    private static String kindProblem(JsonNode v, Param.Kind kind) {
        boolean fits = switch (kind) {
            case STRING -> v.isTextual();
            case INTEGER -> v.isIntegralNumber() && v.canConvertToInt();
            case BOOLEAN -> v.isBoolean();
            case STRING_LIST -> v.isArray() && all(v.elements(), JsonNode::isTextual);
            case STRING_MAP -> v.isObject() && v.properties().stream().allMatch(e -> e.getValue().isTextual());
            case OBJECT -> v.isObject();
            case SCALAR -> v.isValueNode();
        };
        return fits ? null : "must be " + kind.text + ", got " + describe(v);
    }

    private static boolean all(Iterator<JsonNode> it, java.util.function.Predicate<JsonNode> test) {
        while (it.hasNext()) {
            if (!test.test(it.next())) {
                return false;
            }
        }
        return true;
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isIntegralNumber()) {
            return "an integer";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a map";
        }
        return "null";
    }
}
