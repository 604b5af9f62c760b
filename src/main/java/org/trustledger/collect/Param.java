package org.trustledger.collect;

/**
 * One parameter a collector type accepts under {@code params:}. The shape (presence, JSON kind) is
 * checked generically by {@link ParamsValidator}; meaning (ranges, formats) by the type itself.
 */
public record Param(String name, Kind kind, boolean required, String description) {

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

    public static Param required(String name, Kind kind, String description) {
        return new Param(name, kind, true, description);
    }

    public static Param optional(String name, Kind kind, String description) {
        return new Param(name, kind, false, description);
    }
}
