package org.trustledger.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How pages show instants: "2 Dec 2026, 04:26 UTC" for people, whole seconds in UTC for {@code <time datetime>}, and
 * "in 3 days" / "2 hours ago" relative to the application clock (tests move that clock).
 */
@TemplateExtension
public final class ReadableTime {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private ReadableTime() {
    }

    /** {@code 2 Dec 2026, 04:26 UTC}. */
    public static String readable(Instant at) {
        return READABLE.format(at);
    }

    /** {@code 2026-12-02T04:26:07Z}: a valid HTML datetime value without fractions. */
    public static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 2 Dec 2026}. */
    public static String readable(LocalDate day) {
        return DAY.format(day);
    }

    public static String relative(Instant at) {
        return relative(at, Arc.container().instance(Clock.class).get().instant());
    }

    /** "in 3 days", "2 hours ago", "just now": the largest whole unit, rounded down. */
    static String relative(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        boolean future = !d.isNegative();
        long s = Math.abs(d.getSeconds());
        String amount;
        if (s < 60) {
            return "just now";
        } else if (s < 3600) {
            amount = plural(s / 60, "minute");
        } else if (s < 86_400) {
            amount = plural(s / 3600, "hour");
        } else if (s < 86_400L * 60) {
            amount = plural(s / 86_400, "day");
        } else if (s < 86_400L * 730) {
            amount = plural(s / (86_400L * 30), "month");
        } else {
            amount = plural(s / (86_400L * 365), "year");
        }
        return future ? "in " + amount : amount + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
