package org.trustledger.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.trustledger.TestDb;

/** Waits for a background export to leave the queue, as a person would keep the progress page open. */
public final class ExportJobsWait {

    /** Far more than any test package needs; a job still running then is a failure, not a slow machine. */
    private static final long LIMIT_MILLIS = 120_000;

    private ExportJobsWait() {
    }

    /** The job's final status; fails unless it is {@code done}. */
    public static void untilFinished(long id) {
        String status = untilSettled(id);
        if (!"done".equals(status)) {
            throw new AssertionError("export " + id + " ended " + status + ": " + error(id));
        }
    }

    /** Polls until the job is neither queued nor running; returns its status. */
    public static String untilSettled(long id) {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (true) {
            String status = column(id, "status");
            if (!"queued".equals(status) && !"running".equals(status)) {
                return status;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("export " + id + " still " + status + " after " + LIMIT_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String error(long id) {
        return column(id, "error");
    }

    private static String column(long id, String column) {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM export_job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no export " + id);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
