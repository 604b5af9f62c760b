package org.trustledger.privacy;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One option of a select, radio group or checkbox list on a console form, marked when it is the value shown. */
@TemplateData
public record Choice(String value, String label, boolean selected) {

    /** The options {@code values} labelled by {@code label}, the one equal to {@code current} selected. */
    static <T> List<Choice> of(List<T> values, Function<T, String> value, Function<T, String> label, String current) {
        return values.stream().map(v -> new Choice(value.apply(v), label.apply(v), Objects.equals(value.apply(v), current))).toList();
    }

    /** As {@link #of}, with every value in {@code current} selected (checkbox lists). */
    static <T> List<Choice> ofMany(List<T> values, Function<T, String> value, Function<T, String> label, List<String> current) {
        return values.stream().map(v -> new Choice(value.apply(v), label.apply(v), current != null && current.contains(value.apply(v))))
                .toList();
    }
}
