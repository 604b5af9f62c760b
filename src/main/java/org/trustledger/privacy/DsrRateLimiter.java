package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Intake attempts per client IP in fixed clock-hour windows, counted in PostgreSQL with one atomic
 * upsert so that several instances share one allowance. It works on plain JDBC in auto-commit: the
 * count must stick even when the request it belongs to is then rejected and writes nothing else.
 */
@ApplicationScoped
public class DsrRateLimiter {

    static final String COUNT = """
            INSERT INTO dsr_rate_limit (client_ip, window_start, attempts) VALUES (?, ?, 1)
            ON CONFLICT (client_ip, window_start) DO UPDATE SET attempts = dsr_rate_limit.attempts + 1
            RETURNING attempts
            """;

    private final DataSource dataSource;
    private final int limit;
    private final Clock clock;

    public DsrRateLimiter(DataSource dataSource, DsrConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.limit = config.rateLimitPerHour();
        this.clock = clock;
    }

    /** Counts one attempt; empty if it is within the limit, otherwise the time until the window ends. */
    public Optional<Duration> count(String clientIp) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        int attempts;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(COUNT)) {
                ps.setString(1, clientIp);
                ps.setTimestamp(2, Timestamp.from(window));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    attempts = rs.getInt(1);
                }
            }
            if (attempts == 1) {
                // First attempt of this IP in this hour: a cheap moment to drop finished windows.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM dsr_rate_limit WHERE window_start < ?")) {
                    ps.setTimestamp(1, Timestamp.from(window));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DSR rate limit: " + e.getSQLState(), e);
        }
        if (attempts <= limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.plus(1, ChronoUnit.HOURS)));
    }
}
