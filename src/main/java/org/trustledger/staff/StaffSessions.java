package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustledger.SqlValues;

/** Server-side staff sessions in PostgreSQL, so every instance sees the same logins and logouts. */
@ApplicationScoped
public class StaffSessions {

    public static final String COOKIE = "tl_session";
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    /** last_seen_at is written at most this often, so reads do not turn into writes. */
    private static final long TOUCH_SECONDS = 60;

    private final SecureRandom random = new SecureRandom();
    private final EntityManager em;
    private final StaffConfig config;
    private final Clock clock;

    public StaffSessions(EntityManager em, StaffConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public record Principal(long accountId, String username, java.util.Set<String> roles) {
    }

    @Transactional
    public String open(StaffAccount account) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO staff_session (token_sha256, account_id, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?3, ?4)")
                .setParameter(1, sha256(token))
                .setParameter(2, account.id)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(now.plus(config.sessionLifetime())))
                .executeUpdate();
        return token;
    }

    @Transactional
    public Optional<Principal> lookup(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant idleLimit = now.minus(config.sessionIdleTimeout());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.id, a.username, a.roles, s.last_seen_at
                  FROM staff_session s JOIN staff_account a ON a.id = s.account_id
                 WHERE s.token_sha256 = ?1 AND s.expires_at > ?2 AND s.last_seen_at > ?3 AND a.enabled
                """)
                .setParameter(1, sha256(token))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(idleLimit))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant lastSeen = SqlValues.instant(row[3]);
        if (lastSeen.plusSeconds(TOUCH_SECONDS).isBefore(now)) {
            em.createNativeQuery("UPDATE staff_session SET last_seen_at = ?2 WHERE token_sha256 = ?1")
                    .setParameter(1, sha256(token))
                    .setParameter(2, Timestamp.from(now))
                    .executeUpdate();
        }
        String[] roles = (String[]) row[2];
        return Optional.of(new Principal(((Number) row[0]).longValue(), (String) row[1], java.util.Set.of(roles)));
    }

    @Transactional
    public void close(String token) {
        if (token != null && TOKEN.matcher(token).matches()) {
            em.createNativeQuery("DELETE FROM staff_session WHERE token_sha256 = ?1").setParameter(1, sha256(token)).executeUpdate();
        }
    }

    @Transactional
    public void closeAll(long accountId) {
        em.createNativeQuery("DELETE FROM staff_session WHERE account_id = ?1").setParameter(1, accountId).executeUpdate();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
