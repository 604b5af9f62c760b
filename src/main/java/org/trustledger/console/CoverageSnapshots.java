package org.trustledger.console;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorRuns;
import org.trustledger.collect.Coverage;

/**
 * The history behind the dashboard's trend: one row per UTC day and framework ({@code coverage_snapshot}) holding the
 * figures as last computed that day. Written by the dashboard when today's figures differ from the stored row, and by
 * an hourly clustered job (one instance fires it) so that days nobody opens the dashboard are recorded too. The write
 * is an upsert on (day, framework) that changes nothing when the figures are the same, so instances racing on the same
 * day converge on one row.
 */
@ApplicationScoped
public class CoverageSnapshots {

    /** One stored day of one framework. */
    public record Snapshot(LocalDate day, String framework, int applicable, int covered, int passing, int failing, int stale) {

        boolean sameFigures(Coverage.Figures f) {
            return applicable == f.applicable() && covered == f.covered() && passing == f.passing() && failing == f.failing()
                    && stale == f.stale();
        }
    }

    private final DataSource dataSource;
    private final Coverage figures;
    private final CollectorRuns latestRuns;
    private final Clock clock;

    public CoverageSnapshots(DataSource dataSource, Coverage figures, CollectorRuns latestRuns, Clock clock) {
        this.dataSource = dataSource;
        this.figures = figures;
        this.latestRuns = latestRuns;
        this.clock = clock;
    }

    /** Stored days from {@code from} on, oldest first (a primary-key range: at most days x frameworks rows). */
    public List<Snapshot> since(LocalDate from) {
        List<Snapshot> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT day, framework, applicable, covered, passing, failing, stale FROM coverage_snapshot
                         WHERE day >= ? ORDER BY day, framework
                        """)) {
            ps.setObject(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Snapshot(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read coverage snapshots", e);
        }
        return out;
    }

    /** Records {@code day}'s figures, replacing that day's row only where a number changed. */
    public void save(LocalDate day, List<Coverage.Figures> all, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO coverage_snapshot AS s (day, framework, applicable, covered, passing, failing, stale, taken_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (day, framework) DO UPDATE
                           SET applicable = EXCLUDED.applicable, covered = EXCLUDED.covered, passing = EXCLUDED.passing,
                               failing = EXCLUDED.failing, stale = EXCLUDED.stale, taken_at = EXCLUDED.taken_at
                         WHERE (s.applicable, s.covered, s.passing, s.failing, s.stale)
                               IS DISTINCT FROM (EXCLUDED.applicable, EXCLUDED.covered, EXCLUDED.passing, EXCLUDED.failing, EXCLUDED.stale)
                        """)) {
            for (Coverage.Figures f : all) {
                ps.setObject(1, day);
                ps.setString(2, f.framework());
                ps.setInt(3, f.applicable());
                ps.setInt(4, f.covered());
                ps.setInt(5, f.passing());
                ps.setInt(6, f.failing());
                ps.setInt(7, f.stale());
                ps.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store coverage snapshots", e);
        }
    }

    /** Today's figures as of now, stored; what the hourly job does. */
    public List<Coverage.Figures> takeNow() {
        Instant now = clock.instant();
        List<Coverage.Figures> current = figures.figures(latestRuns.latestAll(), now);
        save(LocalDate.ofInstant(now, ZoneOffset.UTC), current, now);
        return current;
    }

    // At :55 so that the last run of a day (23:55 UTC) leaves that day's closing figures even if nobody looks.
    @Scheduled(cron = "0 55 * * * ?", timeZone = "UTC", identity = "coverage-snapshot",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        takeNow();
    }
}
