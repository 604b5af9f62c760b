package org.trustledger.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.common.DomainException;

/**
 * What one audit package covers: a framework and a period of whole UTC days. The one check of an export request, for the
 * API (which streams the package) and the console (which queues a job). Every problem is reported at once, by field:
 * a missing or malformed value is INVALID (400), a well-formed period that cannot be exported is UNPROCESSABLE (422).
 */
public record ExportPeriod(String framework, LocalDate from, LocalDate to) {

    /** Longest period one package covers, in days (both ends included). */
    public static final int MAX_DAYS = 366;

    /** Checks the raw values against {@code today} (UTC); throws with every violation. */
    public static ExportPeriod of(String framework, String from, String to, LocalDate today) {
        List<DomainException.Violation> malformed = new ArrayList<>();
        List<DomainException.Violation> unusable = new ArrayList<>();
        if (framework == null || !AuditPackageWriter.FRAMEWORKS.contains(framework)) {
            malformed.add(new DomainException.Violation("framework", "must be iso27001 or soc2"));
        }
        LocalDate f = date("from", from, malformed);
        LocalDate t = date("to", to, malformed);
        if (f != null && t != null) {
            if (f.isAfter(t)) {
                unusable.add(new DomainException.Violation("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
                unusable.add(new DomainException.Violation("from", "the period may cover at most " + MAX_DAYS + " days"));
            }
        }
        if (t != null && t.isAfter(today)) {
            unusable.add(new DomainException.Violation("to", "must not be in the future (UTC)"));
        }
        if (!malformed.isEmpty()) {
            malformed.addAll(unusable);
            throw new DomainException(DomainException.Kind.INVALID, message(malformed), malformed);
        }
        if (!unusable.isEmpty()) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, message(unusable), unusable);
        }
        return new ExportPeriod(framework, f, t);
    }

    /** The download's file name. */
    public String fileName() {
        return "trustledger-" + framework + "-" + from + "-" + to + ".zip";
    }

    private static LocalDate date(String field, String value, List<DomainException.Violation> out) {
        if (value == null || value.isEmpty()) {
            out.add(new DomainException.Violation(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        out.add(new DomainException.Violation(field, "must be a date YYYY-MM-DD"));
        return null;
    }

    /** One problem reads as a sentence ("from must not be after to."); several are listed by field. */
    private static String message(List<DomainException.Violation> violations) {
        return violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).reason() + "."
                : "The export request has invalid fields.";
    }
}
