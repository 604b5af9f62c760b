package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustledger.tlog.Hashes;

/**
 * Bearer tokens for pushed evidence, the one token mechanism: a token belongs to a service account
 * ({@link ServiceAccounts}) and is scoped to one or more collectors, or is a per-collector token issued
 * from the collector API (scoped to that collector). Tokens expire; only their SHA-256 is stored, so the
 * secret is shown once, at creation, and a database dump cannot be replayed.
 */
@ApplicationScoped
public class ServiceTokens {

    public static final String PREFIX = "tlc_";
    /** tlc_ followed by 32 random bytes in unpadded base64url. */
    static final Pattern FORMAT = Pattern.compile("^tlc_[A-Za-z0-9_-]{43}$");
    /** How a scope is written in the API: {@code collector:<id>}. */
    public static final String SCOPE_PREFIX = "collector:";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ServiceTokens(Clock clock) {
        this.clock = clock;
    }

    public record TokenView(long id, String collectorId, String label, Instant createdAt, String createdBy, Instant expiresAt,
            Instant revokedAt, String revokedBy, Instant lastUsedAt) {
    }

    public record Issued(TokenView token, String secret) {
    }

    /** A service-account token: scoped to the given collectors, shown once. */
    public record AccountToken(long id, long accountId, List<String> scopes, String label, Instant createdAt, String createdBy,
            Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
    }

    public record IssuedForAccount(AccountToken token, String secret) {
    }

    private static TokenView view(ServiceToken t) {
        return new TokenView(t.id, t.collectorId, t.label, t.createdAt, t.createdBy, t.expiresAt, t.revokedAt, t.revokedBy, t.lastUsedAt);
    }

    private static AccountToken accountView(ServiceToken t) {
        List<String> scopes = ServiceToken.getEntityManager()
                .createQuery("select s.key.collectorId from ServiceTokenScope s where s.key.tokenId = :id order by s.key.collectorId",
                        String.class)
                .setParameter("id", t.id).getResultList();
        return new AccountToken(t.id, t.accountId, scopes.stream().map(c -> SCOPE_PREFIX + c).toList(), t.label, t.createdAt, t.createdBy,
                t.expiresAt, t.revokedAt, t.revokedBy, t.lastUsedAt);
    }

    @Transactional
    public Issued issue(String collectorId, String label, Duration lifetime, String createdBy) {
        String secret = newSecret();
        ServiceToken t = newToken(secret, label, lifetime, createdBy);
        t.collectorId = collectorId;
        t.persistAndFlush();
        addScopes(t.id, List.of(collectorId));
        return new Issued(view(t), secret);
    }

    @Transactional
    public IssuedForAccount issueForAccount(long accountId, List<String> collectorIds, String label, Duration lifetime, String createdBy) {
        String secret = newSecret();
        ServiceToken t = newToken(secret, label, lifetime, createdBy);
        t.accountId = accountId;
        t.persistAndFlush();
        addScopes(t.id, collectorIds);
        return new IssuedForAccount(accountView(t), secret);
    }

    private String newSecret() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private ServiceToken newToken(String secret, String label, Duration lifetime, String createdBy) {
        Instant now = clock.instant();
        ServiceToken t = new ServiceToken();
        t.label = label;
        t.tokenSha256 = hash(secret);
        t.createdAt = now;
        t.createdBy = createdBy;
        t.expiresAt = now.plus(lifetime);
        return t;
    }

    private static void addScopes(long tokenId, List<String> collectorIds) {
        for (String collectorId : collectorIds.stream().distinct().toList()) {
            ServiceTokenScope scope = new ServiceTokenScope();
            scope.key = new ServiceTokenScope.Key(tokenId, collectorId);
            scope.persist();
        }
        ServiceTokenScope.flush();
    }

    @Transactional
    public List<AccountToken> listForAccount(long accountId) {
        return ServiceToken.<ServiceToken>list("accountId = ?1 order by id", accountId).stream().map(ServiceTokens::accountView).toList();
    }

    /** Revokes a token of the account; empty if the account has no such token. Revoking twice keeps the first revocation. */
    @Transactional
    public Optional<AccountToken> revokeForAccount(long accountId, long id, String by) {
        return ServiceToken.<ServiceToken>find("id = ?1 and accountId = ?2", id, accountId).firstResultOptional().map(t -> {
            t.revoke(clock.instant(), by);
            return accountView(t);
        });
    }

    @Transactional
    public List<TokenView> list(String collectorId) {
        return ServiceToken.<ServiceToken>list("collectorId = ?1 order by id", collectorId).stream().map(ServiceTokens::view).toList();
    }

    /** Revokes the token; empty if it does not exist for this collector. Revoking twice keeps the first revocation. */
    @Transactional
    public Optional<TokenView> revoke(String collectorId, long id, String by) {
        return ServiceToken.<ServiceToken>find("id = ?1 and collectorId = ?2", id, collectorId).firstResultOptional().map(t -> {
            t.revoke(clock.instant(), by);
            return view(t);
        });
    }

    public sealed interface Check {
    }

    /** A live token scoped to the collector; {@code account} is the service account's name, or null for a per-collector token. */
    public record Valid(long tokenId, String account) implements Check {
    }

    /** Unknown, malformed, expired or revoked, or its service account is disabled: the caller is not authenticated. */
    public record Invalid() implements Check {
    }

    /** A live token, but for another collector. */
    public record WrongScope() implements Check {
    }

    @Transactional
    public Check check(String secret, String collectorId) {
        if (secret == null || !FORMAT.matcher(secret).matches()) {
            return new Invalid();
        }
        Optional<Tuple> found = ServiceToken.getEntityManager().createQuery("""
                select t.id as id, a.name as account, coalesce(a.disabled, false) as disabled,
                       (select count(*) from ServiceTokenScope s where s.key.tokenId = t.id and s.key.collectorId = :collector) as scoped
                  from ServiceToken t left join ServiceAccount a on a.id = t.accountId
                 where t.tokenSha256 = :hash and t.revokedAt is null and t.expiresAt > :now
                """, Tuple.class)
                .setParameter("collector", collectorId)
                .setParameter("hash", hash(secret))
                .setParameter("now", clock.instant())
                .getResultStream().findFirst();
        if (found.isEmpty() || found.get().get("disabled", Boolean.class)) {
            return new Invalid();
        }
        Tuple t = found.get();
        return t.get("scoped", Long.class) > 0 ? new Valid(t.get("id", Long.class), t.get("account", String.class)) : new WrongScope();
    }

    /** Marks the token used; called only after the request it authenticated was accepted. */
    @Transactional
    public void touch(long id) {
        ServiceToken.update("lastUsedAt = ?1 where id = ?2", clock.instant(), id);
    }

    static byte[] hash(String secret) {
        return Hashes.sha256(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
