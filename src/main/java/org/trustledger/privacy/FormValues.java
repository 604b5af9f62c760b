package org.trustledger.privacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a browser form sends, in the shape the services' request records take. Only the spelling changes here; the
 * services still check every value, so a form and a JSON call are refused for the same reasons.
 */
final class FormValues {

    /** What {@code <input type="datetime-local">} sends: a UTC wall-clock time on console forms, which say so. */
    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private FormValues() {
    }

    /** The values a form sent, by field name, to fill the form in again; absent ones left out. */
    static Map<String, String> of(String... namesAndValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                m.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return m;
    }

    /** A datetime-local value as the RFC 3339 UTC timestamp the services read; anything else as typed, for them to refuse. */
    static String timestamp(String raw) {
        if (raw == null || !LOCAL.matcher(raw).matches()) {
            return raw;
        }
        return raw + (raw.length() == 16 ? ":00Z" : "Z");
    }

    /** An instant as a datetime-local value (UTC), to fill in an edit form. */
    static String input(Instant at) {
        if (at == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        return (t.getSecond() == 0 ? MINUTES : SECONDS).format(t);
    }

    /** A yes/no choice: "true" or "false"; anything else is no answer. */
    static Boolean bool(String raw) {
        return "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
    }

    /** A textarea with one item a line, blank lines skipped; null when nothing was sent. */
    static List<String> lines(String raw) {
        return raw == null ? null : Arrays.stream(raw.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** A number field; a value that is not a whole number stays unanswered and the service asks for it. */
    static Integer integer(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
