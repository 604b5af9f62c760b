package org.trustledger.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Intake attempts per client IP in fixed clock-hour windows, counted in PostgreSQL with one atomic upsert so
 * that several instances share one allowance. A rejected attempt is counted here, on plain JDBC in auto-commit,
 * so the count sticks although the request then writes nothing else; an accepted submission is counted by
 * {@link DsrIntake} in the same statement that records it, with the same upsert.
 */
@ApplicationScoped
public class DsrRateLimiter {

    /** The upsert; parameters: client IP, window start. Returns the attempts in the window, this one included. */
    static final String COUNT = """
            INSERT INTO dsr_rate_limit (client_ip, window_start, attempts) VALUES (?, ?, 1)
            ON CONFLICT (client_ip, window_start) DO UPDATE SET attempts = dsr_rate_limit.attempts + 1
            RETURNING attempts""";

    /** The clock hour an attempt falls in. */
    record Window(Instant now, Instant start) {

        Instant end() {
            return start.plus(1, ChronoUnit.HOURS);
        }
    }

    private final DataSource dataSource;
    private final int limit;
    private final Clock clock;

    public DsrRateLimiter(DataSource dataSource, DsrConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.limit = config.rateLimitPerHour();
        this.clock = clock;
    }

    Window window() {
        Instant now = clock.instant();
        return new Window(now, now.truncatedTo(ChronoUnit.HOURS));
    }

    int limit() {
        return limit;
    }

    /** Empty if the attempt that made the count {@code attempts} is allowed, otherwise the time until its window ends. */
    Optional<Duration> verdict(Window window, int attempts) {
        return attempts <= limit ? Optional.empty() : Optional.of(Duration.between(window.now(), window.end()));
    }

    /** Counts one attempt; empty if it is within the limit, otherwise the time until the window ends. */
    public Optional<Duration> count(String clientIp) {
        Window window = window();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT)) {
            ps.setString(1, clientIp);
            ps.setObject(2, OffsetDateTime.ofInstant(window.start(), ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return verdict(window, rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DSR rate limit: " + e.getSQLState(), e);
        }
    }

    @Scheduled(identity = "dsr-rate-limit-purge", every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeFinishedWindows() {
        purge();
    }

    /** Drops the counts of finished hours, which decide nothing any more; returns how many. */
    public int purge() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM dsr_rate_limit WHERE window_start < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(window().start(), ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("DSR rate limit purge: " + e.getSQLState(), e);
        }
    }
}
