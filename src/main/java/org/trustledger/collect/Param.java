package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parameter a collector type accepts under {@code params:}. The shape (presence, JSON kind) is
 * checked generically by {@link ParamsValidator}; an integer's range by {@link BaseCollectorType}; any
 * other meaning (formats, files, URLs) by the type itself.
 *
 * @param range the bounds and default of an optional integer parameter; null for every other parameter
 */
public record Param(String name, Kind kind, boolean required, String description, Range range) {

    public enum Kind {
        STRING("a string"),
        INTEGER("an integer"),
        BOOLEAN("true or false"),
        STRING_LIST("a list of strings"),
        STRING_MAP("a map of strings to strings"),
        OBJECT("a map"),
        SCALAR("a string, number or boolean");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** The accepted values of an optional integer parameter, inclusive, and the value it has when absent. */
    public record Range(int min, int max, int defaultValue) {
    }

    public static Param required(String name, Kind kind, String description) {
        return new Param(name, kind, true, description, null);
    }

    public static Param optional(String name, Kind kind, String description) {
        return new Param(name, kind, false, description, null);
    }

    /** An optional integer from {@code min} to {@code max}; the description gains its default. */
    public static Param integer(String name, int min, int max, int defaultValue, String description) {
        return new Param(name, Kind.INTEGER, false, description + " (default " + defaultValue + ")", new Range(min, max, defaultValue));
    }

    /** The common "how many days old may it be" parameter of the currency checks, 1 to 3650. */
    public static Param maxAgeDays(int defaultValue, String description) {
        return integer("max_age_days", 1, 3650, defaultValue, description);
    }

    /** This integer parameter's value in {@code params}, or its default when absent. */
    public int intIn(JsonNode params) {
        if (range == null) {
            throw new IllegalStateException(name + " has no range and default");
        }
        return params.path(name).asInt(range.defaultValue());
    }
}
