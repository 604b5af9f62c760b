package org.trustledger.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The export jobs in PostgreSQL ({@code export_job}, {@code export_chunk}): queued by the console, claimed once by
 * whichever instance's {@link ExportWorker} gets there first, and their finished zips, shared by every instance.
 * Plain JDBC on autocommit connections: each statement stands alone, and the zip streams in and out in 1 MiB pieces.
 */
@ApplicationScoped
public class ExportJobs {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";

    private static final String COLUMNS = "id, framework, period_from, period_to, requested_by, requested_at, status, started_at,"
            + " finished_at, phase, items_total, items_done, size, sha256, chunk_count, error";

    /** One job as stored; {@code sha256} is hex, and size, hash and chunk count are set once it is done. */
    public record Job(long id, String framework, LocalDate from, LocalDate to, String requestedBy, Instant requestedAt, String status,
            Instant startedAt, Instant finishedAt, String phase, Long itemsTotal, long itemsDone, Long size, String sha256, Integer chunkCount,
            String error) {

        public boolean active() {
            return QUEUED.equals(status) || RUNNING.equals(status);
        }

        public boolean downloadable() {
            return DONE.equals(status);
        }

        public String fileName() {
            return new ExportPeriod(framework, from, to).fileName();
        }
    }

    /** A job this instance has claimed and now writes. */
    public record Claimed(long id, ExportPeriod period, String requestedBy) {
    }

    private final DataSource dataSource;

    public ExportJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues an export of {@code period} for {@code actor}; returns its id. */
    public long enqueue(ExportPeriod period, String actor, Instant now) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO export_job (framework, period_from, period_to, requested_by, requested_at) VALUES (?, ?, ?, ?, ?) RETURNING id
                    """)) {
                ps.setString(1, period.framework());
                ps.setObject(2, period.from());
                ps.setObject(3, period.to());
                ps.setString(4, actor);
                ps.setObject(5, utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public Optional<Job> find(long id) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM export_job WHERE id = ?")) {
                ps.setLong(1, id);
                List<Job> found = jobs(ps);
                return found.stream().findFirst();
            }
        });
    }

    /** Newest first, on the primary key. */
    public List<Job> page(int offset, int limit) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM export_job ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                return jobs(ps);
            }
        });
    }

    /**
     * Claims the oldest queued job for {@code worker}, or nothing. One statement: the row lock taken by the sub-select
     * and SKIP LOCKED let concurrent claimers (on any instance) pass each other, so every job is claimed exactly once.
     */
    public Optional<Claimed> claim(String worker, Instant now) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE export_job SET status = 'running', worker = ?, started_at = ?, heartbeat_at = ?, phase = 'planning'
                     WHERE id = (SELECT id FROM export_job WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id, framework, period_from, period_to, requested_by
                    """)) {
                ps.setString(1, worker);
                ps.setObject(2, utc(now));
                ps.setObject(3, utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Claimed(rs.getLong(1), new ExportPeriod(rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)), rs.getString(5)));
                }
            }
        });
    }

    /** The worker's heartbeat with its progress; ignored once the job is no longer this worker's running job. */
    public void progress(long id, String worker, String phase, Long itemsTotal, long itemsDone, Instant now) {
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE export_job SET heartbeat_at = ?, phase = ?, items_total = ?, items_done = ?
                     WHERE id = ? AND worker = ? AND status = 'running'
                    """)) {
                ps.setObject(1, utc(now));
                ps.setString(2, phase);
                if (itemsTotal == null) {
                    ps.setNull(3, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(3, itemsTotal);
                }
                ps.setLong(4, itemsDone);
                ps.setLong(5, id);
                ps.setString(6, worker);
                return ps.executeUpdate();
            }
        });
    }

    /** Marks the job done; false (and its pieces deleted) when it is no longer this worker's, e.g. the sweep gave up on it. */
    public boolean finish(long id, String worker, ExportSink.Written zip, long itemsDone, Instant now) {
        int updated = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE export_job SET status = 'done', finished_at = ?, heartbeat_at = ?, phase = NULL, items_done = ?,
                           size = ?, sha256 = ?, chunk_count = ?
                     WHERE id = ? AND worker = ? AND status = 'running'
                    """)) {
                ps.setObject(1, utc(now));
                ps.setObject(2, utc(now));
                ps.setLong(3, itemsDone);
                ps.setLong(4, zip.size());
                ps.setBytes(5, zip.sha256());
                ps.setInt(6, zip.chunks());
                ps.setLong(7, id);
                ps.setString(8, worker);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            deleteChunks(List.of(id));
        }
        return updated == 1;
    }

    /** Marks this worker's running job failed and deletes what it had written. */
    public void fail(long id, String worker, String error, Instant now) {
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE export_job SET status = 'failed', finished_at = ?, phase = NULL, error = ?
                     WHERE id = ? AND worker = ? AND status = 'running'
                    """)) {
                ps.setObject(1, utc(now));
                ps.setString(2, error);
                ps.setLong(3, id);
                ps.setString(4, worker);
                return ps.executeUpdate();
            }
        });
        deleteChunks(List.of(id));
    }

    /** Running jobs whose heartbeat stopped before {@code silentSince} (their instance died) become failed; returns how many. */
    public int failStale(Instant silentSince, Instant now) {
        List<Long> ids = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE export_job SET status = 'failed', finished_at = ?, phase = NULL,
                           error = 'The instance writing this export stopped before it finished (no progress since '
                                   || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC). Start it again.'
                     WHERE status = 'running' AND heartbeat_at < ? RETURNING id
                    """)) {
                ps.setObject(1, utc(now));
                ps.setObject(2, utc(silentSince));
                return ids(ps);
            }
        });
        deleteChunks(ids);
        return ids.size();
    }

    /** Finished packages older than {@code finishedBefore} give their bytes back; the record of the export stays. */
    public int expire(Instant finishedBefore) {
        List<Long> ids = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE export_job SET status = 'expired' WHERE status = 'done' AND finished_at < ? RETURNING id")) {
                ps.setObject(1, utc(finishedBefore));
                return ids(ps);
            }
        });
        deleteChunks(ids);
        return ids.size();
    }

    public boolean anyQueued() {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM export_job WHERE status = 'queued')");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Where a worker writes the zip of job {@code id}. */
    public ExportSink sink(long id) {
        return new ExportSink(dataSource, id);
    }

    /** Streams the stored zip of a done job to {@code out}, one piece (one short query) at a time. */
    public void copy(Job job, OutputStream out) throws IOException {
        for (int seq = 0; seq < job.chunkCount(); seq++) {
            final int piece = seq;
            byte[] bytes = sql(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM export_chunk WHERE export_id = ? AND seq = ?")) {
                    ps.setLong(1, job.id());
                    ps.setInt(2, piece);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            });
            if (bytes == null) {
                throw new IOException("export " + job.id() + " lost piece " + piece + " (it expired while being downloaded)");
            }
            out.write(bytes);
        }
    }

    private void deleteChunks(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM export_chunk WHERE export_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                return ps.executeUpdate();
            }
        });
    }

    private static List<Long> ids(PreparedStatement ps) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static List<Job> jobs(PreparedStatement ps) throws SQLException {
        List<Job> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] sha = rs.getBytes("sha256");
                out.add(new Job(rs.getLong("id"), rs.getString("framework"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getString("requested_by"), instant(rs, "requested_at"),
                        rs.getString("status"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("phase"),
                        rs.getObject("items_total", Long.class), rs.getLong("items_done"), rs.getObject("size", Long.class),
                        sha == null ? null : HexFormat.of().formatHex(sha), rs.getObject("chunk_count", Integer.class), rs.getString("error")));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("export jobs: " + e.getMessage(), e);
        }
    }
}
