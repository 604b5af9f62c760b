package org.trustledger.tlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp spelling inside signed and hashed ledger objects: RFC 3339 UTC with exactly
 * three fractional digits and a 'Z' ({@code 2026-11-25T21:34:53.120Z}). A fixed width means one
 * instant has one spelling, so re-serialising can never change a hash.
 */
public final class Rfc3339 {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Rfc3339() {
    }

    /** The instant truncated to milliseconds, the precision every ledger timestamp is stored at. */
    public static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant t) {
        return MILLIS.format(millis(t));
    }

    /** Parses only the exact spelling {@link #format} produces. */
    public static Instant parse(String s) {
        try {
            Instant t = Instant.from(MILLIS.parse(s));
            if (!format(t).equals(s)) {
                throw new IllegalArgumentException("not a canonical RFC 3339 millisecond UTC timestamp: " + s);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a canonical RFC 3339 millisecond UTC timestamp: " + s, e);
        }
    }
}
