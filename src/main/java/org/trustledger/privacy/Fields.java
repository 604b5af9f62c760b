package org.trustledger.privacy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trustledger.common.DomainException;

/**
 * The register requests' field rules, which annotations cannot say: every problem of one request is reported
 * at once, in the order of the request's fields, and 400 (malformed) is told apart from 422 (refused). Reasons
 * never echo the submitted value. Malformed or missing values are 400; well-formed values the rules do not
 * allow (a time in the future, a contradiction between fields) are 422, reported only once the request is
 * well-formed.
 */
final class Fields {

    /** Timestamps and dates outside these years are typing mistakes, and PostgreSQL's range ends sooner than Java's. */
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final List<DomainException.Violation> malformed = new ArrayList<>();
    private final List<DomainException.Violation> refused = new ArrayList<>();

    /** A 400 problem: the value is missing or not of the right form. */
    void malformed(String field, String reason) {
        malformed.add(new DomainException.Violation(field, reason));
    }

    /** A 422 problem: the value is well-formed but not allowed here. */
    void refuse(String field, String reason) {
        refused.add(new DomainException.Violation(field, reason));
    }

    boolean ok(String field) {
        return malformed.stream().noneMatch(e -> e.field().equals(field)) && refused.stream().noneMatch(e -> e.field().equals(field));
    }

    /** Throws the 400 problem if any value was malformed; call before the 422 rules that compare fields. */
    void throwIfMalformed() {
        if (!malformed.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "The request has invalid fields.", malformed);
        }
    }

    /** Throws the 400 problem, else the 422 one, if there is any. */
    void throwIfAny() {
        throwIfMalformed();
        if (!refused.isEmpty()) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "The request breaks a rule of this register.", refused);
        }
    }

    /** A one-line value, trimmed; blank counts as absent. */
    String line(String field, String value, int maxChars, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                malformed(field, "is required");
            }
            return null;
        }
        String problem = FreeText.problem(v, maxChars);
        if (problem != null) {
            malformed(field, problem);
        } else if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\t') >= 0) {
            malformed(field, "must be a single line");
        }
        return v;
    }

    /** Free text (line breaks allowed), stored as given; blank counts as absent. */
    String text(String field, String value, int maxChars, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                malformed(field, "is required");
            }
            return null;
        }
        String problem = FreeText.problem(value, maxChars);
        if (problem != null) {
            malformed(field, problem);
        }
        return value;
    }

    <T> T required(String field, T value) {
        if (value == null) {
            malformed(field, "is required");
        }
        return value;
    }

    /** An RFC 3339 timestamp with an offset, kept to the microsecond PostgreSQL stores. */
    Instant timestamp(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                malformed(field, "is required");
            }
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (!inRange(t.toLocalDate())) {
                malformed(field, "must be between the years 1970 and 9999");
                return null;
            }
            return t.toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            malformed(field, "must be an RFC 3339 timestamp with a UTC offset, e.g. 2025-03-01T09:30:00Z");
            return null;
        }
    }

    /** An ISO 8601 calendar date (yyyy-mm-dd). */
    LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                malformed(field, "is required");
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            if (!inRange(d)) {
                malformed(field, "must be between the years 1970 and 9999");
                return null;
            }
            return d;
        } catch (DateTimeException e) {
            malformed(field, "must be a date in the form yyyy-mm-dd");
            return null;
        }
    }

    /** One of an enum's wire names (its constant in lower case). */
    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                malformed(field, "is required");
            }
            return null;
        }
        Optional<E> parsed = parse(type, value);
        if (parsed.isEmpty()) {
            malformed(field, "must be one of " + wires(type));
        }
        return parsed.orElse(null);
    }

    /** A token such as an identifier: matches {@code pattern}, described by {@code form}. */
    String token(String field, String value, Pattern pattern, String form, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                malformed(field, "is required");
            }
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            malformed(field, form);
            return null;
        }
        return value;
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> wire(e).equals(wire)).findFirst();
    }

    static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> String wires(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Fields::wire).collect(Collectors.joining(", "));
    }

    /** A path id: positive decimal without leading zeros; anything else is a 404 like an unknown id. */
    static long id(String raw, String notFound) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw DomainException.notFound(notFound);
        }
        return Long.parseLong(raw);
    }

    /** A query filter: absent means no filter; an unknown value is a 400 naming the parameter. */
    static <E extends Enum<E>> Optional<E> filter(String name, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> parsed = parse(type, raw);
        if (parsed.isEmpty()) {
            throw DomainException.invalid("Unknown filter value.", List.of(new DomainException.Violation(name, "must be one of " + wires(type))));
        }
        return parsed;
    }

    private static boolean inRange(LocalDate d) {
        return !d.isBefore(EARLIEST) && !d.isAfter(LATEST);
    }
}
