package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trustledger.SqlValues;

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
        Duration longest = null;
        for (String subject : subjects) {
            @SuppressWarnings("unchecked")
            List<Object> locked = em.createNativeQuery("SELECT locked_until FROM login_throttle WHERE subject = ?1 AND locked_until > ?2")
                    .setParameter(1, subject).setParameter(2, Timestamp.from(now)).getResultList();
            for (Object until : locked) {
                Duration d = Duration.between(now, SqlValues.instant(until));
                if (longest == null || d.compareTo(longest) > 0) {
                    longest = d;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Counts one failure against each subject; a counter older than the window starts again at one. */
    @Transactional
    public void recordFailure(List<String> subjects) {
        Instant now = clock.instant();
        for (String subject : subjects) {
            Number failures = (Number) em.createNativeQuery("""
                    INSERT INTO login_throttle (subject, failures, first_failed) VALUES (?1, 1, ?2)
                    ON CONFLICT (subject) DO UPDATE SET
                        failures = CASE WHEN login_throttle.first_failed < ?3 THEN 1 ELSE login_throttle.failures + 1 END,
                        first_failed = CASE WHEN login_throttle.first_failed < ?3 THEN ?2 ELSE login_throttle.first_failed END
                    RETURNING failures
                    """)
                    .setParameter(1, subject)
                    .setParameter(2, Timestamp.from(now))
                    .setParameter(3, Timestamp.from(now.minus(config.failureWindow())))
                    .getSingleResult();
            int over = failures.intValue() - config.maxFailedLogins();
            if (over >= 0) {
                Duration lock = config.lockout().multipliedBy(1L << Math.min(over, 20));
                if (lock.compareTo(config.maxLockout()) > 0) {
                    lock = config.maxLockout();
                }
                em.createNativeQuery("UPDATE login_throttle SET locked_until = ?2 WHERE subject = ?1")
                        .setParameter(1, subject).setParameter(2, Timestamp.from(now.plus(lock))).executeUpdate();
            }
        }
    }

    @Transactional
    public void clear(String subject) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE subject = ?1").setParameter(1, subject).executeUpdate();
    }
}
