package org.trustledger.privacy;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.trustledger.SqlValues;

/** Small helpers for the registers' native SQL. */
final class RegisterSql {

    private RegisterSql() {
    }

    /** Whether {@code e} (or a cause) is PostgreSQL's unique_violation, i.e. a concurrent or duplicate insert. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static Instant instantOrNull(Object value) {
        return value == null ? null : SqlValues.instant(value);
    }

    static LocalDate dateOrNull(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value.getClass().getName());
    }

    static boolean bool(Object value) {
        return (Boolean) value;
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }
}
