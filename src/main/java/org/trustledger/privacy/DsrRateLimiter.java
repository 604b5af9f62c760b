package org.trustledger.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Intake attempts per client IP in fixed clock-hour windows, counted in PostgreSQL with one atomic upsert so
 * that several instances share one allowance. A rejected attempt is counted here, in auto-commit, so the count
 * sticks although the request then writes nothing else; an accepted submission is counted by {@link DsrIntake}
 * in the same statement that records it, with the same upsert ({@link DsrCaseRepository}).
 */
@ApplicationScoped
public class DsrRateLimiter {

    /** The clock hour an attempt falls in. */
    record Window(Instant now, Instant start) {

        Instant end() {
            return start.plus(1, ChronoUnit.HOURS);
        }
    }

    private final DsrCaseRepository cases;
    private final int limit;
    private final Clock clock;

    public DsrRateLimiter(DsrCaseRepository cases, DsrConfig config, Clock clock) {
        this.cases = cases;
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
        return verdict(window, cases.countAttempt(clientIp, window.start()));
    }

    @Scheduled(identity = "dsr-rate-limit-purge", every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeFinishedWindows() {
        purge();
    }

    /** Drops the counts of finished hours, which decide nothing any more; returns how many. */
    public int purge() {
        return cases.purgeWindowsBefore(window().start());
    }
}
