package org.trustledger.collect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** An entry of the nonconformity register. */
public record Gap(
        long id,
        String source,
        List<String> controls,
        Severity severity,
        String status,
        String reason,
        Instant openedAt,
        Long openedByRun,
        Instant lastSeenAt,
        String assignee,
        String resolution,
        Instant closedAt,
        String closedBy,
        Long closedByRun) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    static final String COLUMNS = "id, source, controls, severity, status, reason, opened_at, opened_by_run, last_seen_at, assignee,"
            + " resolution, closed_at, closed_by, closed_by_run";

    static Gap read(ResultSet rs) throws SQLException {
        long openedBy = rs.getLong(8);
        Long openedByRun = rs.wasNull() ? null : openedBy;
        long closedBy = rs.getLong(14);
        Long closedByRun = rs.wasNull() ? null : closedBy;
        return new Gap(rs.getLong(1), rs.getString(2), Jdbc.strings(rs, 3), Severity.parse(rs.getString(4)).orElseThrow(),
                rs.getString(5), rs.getString(6), Jdbc.instant(rs, 7), openedByRun, Jdbc.instant(rs, 9), rs.getString(10),
                rs.getString(11), Jdbc.instant(rs, 12), rs.getString(13), closedByRun);
    }

    public record Event(long id, Instant at, String actor, String action, String detail) {
    }
}
