package org.trustledger.privacy;

import io.quarkus.qute.TemplateData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustledger.common.DomainException;

/**
 * What a service found wrong with a console form, ready for the page shown again: the status to answer with, the
 * message, each field's first reason (by the form field's name, which is the API's field name) and every reason as a
 * line for the summary above the form. The rules themselves are the services', the same the JSON API applies.
 *
 * @param fields reason by field name; {@code collected_via[2]} and the like are marked on their list field
 */
@TemplateData
public record FormErrors(int status, String message, Map<String, String> fields, List<Line> lines) {

    /** One reason in the summary; {@code field} is the id of the input to jump to. */
    @TemplateData
    public record Line(String field, String label, String reason) {
    }

    public static FormErrors none() {
        return new FormErrors(200, null, Map.of(), List.of());
    }

    /**
     * The refusal as form errors: 400 for malformed values, 422 for broken rules, 409 for a state that does not allow
     * the change. Anything else (an unknown record, no right) is not the form's fault and is thrown again for the
     * console's error page.
     */
    public static FormErrors of(DomainException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case UNPROCESSABLE -> 422;
            case CONFLICT -> 409;
            case NOT_FOUND, GONE, FORBIDDEN -> throw e;
        };
        Map<String, String> fields = new LinkedHashMap<>();
        List<Line> lines = e.violations().stream().map(v -> {
            String field = v.field().replaceFirst("\\[\\d+]$", "");
            String label = v.field().equals(field) ? label(field) : label(field) + " (item " + (index(v.field()) + 1) + ")";
            fields.putIfAbsent(field, v.reason());
            return new Line(field, label, v.reason());
        }).toList();
        return new FormErrors(status, e.getMessage(), Map.copyOf(fields), lines);
    }

    /** The reason given for {@code field}, or null: what a template marks the field with. */
    public String on(String field) {
        return fields.get(field);
    }

    public boolean any() {
        return message != null;
    }

    /** {@code aware_at} -> "Aware at". */
    static String label(String field) {
        String words = field.replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static int index(String field) {
        return Integer.parseInt(field.substring(field.lastIndexOf('[') + 1, field.length() - 1));
    }
}
