package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing per account name and per client IP. Counters live in PostgreSQL so
 * that spreading attempts over several instances does not multiply the allowance.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final StaffConfig config;
    private final Clock clock;

    public LoginThrottle(EntityManager em, StaffConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public static String forAccount(String username) {
        return "account:" + username;
    }

    public static String forIp(String ip) {
        return "ip:" + ip;
    }

    /** How long the caller must wait before trying again, if any subject is locked. */
    @Transactional
    public Optional<Duration> lockedFor(List<String> subjects) {
        Instant now = clock.instant();
        return LoginThrottleEntry.<LoginThrottleEntry>stream("subject in ?1 and lockedUntil > ?2", subjects, now)
                .map(e -> Duration.between(now, e.lockedUntil))
                .max(Duration::compareTo);
    }

    /**
     * Counts one failure against each subject; a counter older than the window starts again at one. The
     * upsert is native: only PostgreSQL's ON CONFLICT counts concurrent failures from several instances exactly.
     */
    @Transactional
    public void recordFailure(List<String> subjects) {
        Instant now = clock.instant();
        for (String subject : subjects) {
            int failures = ((Number) em.createNativeQuery("""
                    INSERT INTO login_throttle (subject, failures, first_failed) VALUES (:subject, 1, :now)
                    ON CONFLICT (subject) DO UPDATE SET
                        failures = CASE WHEN login_throttle.first_failed < :windowStart THEN 1 ELSE login_throttle.failures + 1 END,
                        first_failed = CASE WHEN login_throttle.first_failed < :windowStart THEN :now ELSE login_throttle.first_failed END
                    RETURNING failures
                    """, Integer.class)
                    .setParameter("subject", subject)
                    .setParameter("now", now)
                    .setParameter("windowStart", now.minus(config.failureWindow()))
                    .getSingleResult()).intValue();
            int over = failures - config.maxFailedLogins();
            if (over >= 0) {
                Duration lock = config.lockout().multipliedBy(1L << Math.min(over, 20));
                if (lock.compareTo(config.maxLockout()) > 0) {
                    lock = config.maxLockout();
                }
                LoginThrottleEntry.update("lockedUntil = ?1 where subject = ?2", now.plus(lock), subject);
            }
        }
    }

    @Transactional
    public void clear(String subject) {
        LoginThrottleEntry.deleteById(subject);
    }
}
