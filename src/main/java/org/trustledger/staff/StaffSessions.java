package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

    public record Principal(long accountId, String username, Set<String> roles) {
    }

    @Transactional
    public String open(StaffAccount account) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        StaffSession session = new StaffSession();
        session.tokenSha256 = sha256(token);
        session.accountId = account.id;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.sessionLifetime());
        session.persistAndFlush();
        return token;
    }

    @Transactional
    public Optional<Principal> lookup(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant idleLimit = now.minus(config.sessionIdleTimeout());
        byte[] hash = sha256(token);
        Optional<Tuple> found = em.createQuery("""
                select a.id as accountId, a.username as username, a.roles as roles, s.lastSeenAt as lastSeenAt
                  from StaffSession s join StaffAccount a on a.id = s.accountId
                 where s.tokenSha256 = :hash and s.expiresAt > :now and s.lastSeenAt > :idleLimit and a.enabled = true
                """, Tuple.class)
                .setParameter("hash", hash)
                .setParameter("now", now)
                .setParameter("idleLimit", idleLimit)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = found.get();
        if (row.get("lastSeenAt", Instant.class).plusSeconds(TOUCH_SECONDS).isBefore(now)) {
            StaffSession.update("lastSeenAt = ?1 where tokenSha256 = ?2", now, hash);
        }
        return Optional.of(new Principal(row.get("accountId", Long.class), row.get("username", String.class),
                Set.of(row.get("roles", String[].class))));
    }

    @Transactional
    public void close(String token) {
        if (token != null && TOKEN.matcher(token).matches()) {
            StaffSession.delete("tokenSha256", (Object) sha256(token));
        }
    }

    @Transactional
    public void closeAll(long accountId) {
        StaffSession.delete("accountId", accountId);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
