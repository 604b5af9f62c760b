package org.trustledger;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query results, whose Java type depends on the column type and driver. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + (value == null ? "null" : value.getClass().getName()));
    }
}
