package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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

    private final SecureRandom random = new SecureRandom();
    private final DataSource db;
    private final Clock clock;

    public ServiceTokens(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record TokenView(long id, String collectorId, String label, Instant createdAt, String createdBy, Instant expiresAt,
            Instant revokedAt, String revokedBy, Instant lastUsedAt) {
    }

    public record Issued(TokenView token, String secret) {
    }

    private static final String COLUMNS = "id, collector_id, label, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at";

    private static TokenView read(ResultSet rs) throws SQLException {
        return new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, 4), rs.getString(5), Jdbc.instant(rs, 6),
                Jdbc.instant(rs, 7), rs.getString(8), Jdbc.instant(rs, 9));
    }

    @Transactional
    public Issued issue(String collectorId, String label, Duration lifetime, String createdBy) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO collector_token (collector_id, label, token_sha256, created_at,"
                        + " created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            s.setString(1, collectorId);
            s.setString(2, label);
            s.setBytes(3, hash(secret));
            s.setTimestamp(4, Jdbc.ts(now));
            s.setString(5, createdBy);
            s.setTimestamp(6, Jdbc.ts(now.plus(lifetime)));
            TokenView view;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                view = read(rs);
            }
            addScopes(c, view.id(), List.of(collectorId));
            return new Issued(view, secret);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service-account token: scoped to the given collectors, shown once. */
    public record AccountToken(long id, long accountId, List<String> scopes, String label, Instant createdAt, String createdBy,
            Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
    }

    public record IssuedForAccount(AccountToken token, String secret) {
    }

    private static final String ACCOUNT_COLUMNS = "t.id, t.account_id, ARRAY(SELECT collector_id FROM collector_token_scope sc"
            + " WHERE sc.token_id = t.id ORDER BY collector_id), t.label, t.created_at, t.created_by, t.expires_at, t.revoked_at,"
            + " t.revoked_by, t.last_used_at";

    private static AccountToken readAccountToken(ResultSet rs) throws SQLException {
        String[] scopes = (String[]) rs.getArray(3).getArray();
        return new AccountToken(rs.getLong(1), rs.getLong(2), List.of(scopes).stream().map(c -> SCOPE_PREFIX + c).toList(),
                rs.getString(4), Jdbc.instant(rs, 5), rs.getString(6), Jdbc.instant(rs, 7), Jdbc.instant(rs, 8), rs.getString(9),
                Jdbc.instant(rs, 10));
    }

    /** How a scope is written in the API: {@code collector:<id>}. */
    public static final String SCOPE_PREFIX = "collector:";

    @Transactional
    public IssuedForAccount issueForAccount(long accountId, List<String> collectorIds, String label, Duration lifetime, String createdBy) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO collector_token (account_id, label, token_sha256, created_at,"
                    + " created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, accountId);
                s.setString(2, label);
                s.setBytes(3, hash(secret));
                s.setTimestamp(4, Jdbc.ts(now));
                s.setString(5, createdBy);
                s.setTimestamp(6, Jdbc.ts(now.plus(lifetime)));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            addScopes(c, id, collectorIds);
            return new IssuedForAccount(accountToken(c, accountId, id).orElseThrow(), secret);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public List<AccountToken> listForAccount(long accountId) {
        List<AccountToken> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM collector_token t WHERE t.account_id = ? ORDER BY t.id")) {
            s.setLong(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(readAccountToken(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Revokes a token of the account; empty if the account has no such token. Revoking twice keeps the first revocation. */
    @Transactional
    public Optional<AccountToken> revokeForAccount(long accountId, long id, String by) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE collector_token SET revoked_at = COALESCE(revoked_at, ?),"
                    + " revoked_by = COALESCE(revoked_by, ?) WHERE id = ? AND account_id = ?")) {
                s.setTimestamp(1, Jdbc.ts(clock.instant()));
                s.setString(2, by);
                s.setLong(3, id);
                s.setLong(4, accountId);
                if (s.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return accountToken(c, accountId, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<AccountToken> accountToken(Connection c, long accountId, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM collector_token t WHERE t.id = ? AND t.account_id = ?")) {
            s.setLong(1, id);
            s.setLong(2, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(readAccountToken(rs)) : Optional.empty();
            }
        }
    }

    private static void addScopes(Connection c, long tokenId, List<String> collectorIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO collector_token_scope (token_id, collector_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            for (String collectorId : collectorIds) {
                s.setLong(1, tokenId);
                s.setString(2, collectorId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Transactional
    public List<TokenView> list(String collectorId) {
        List<TokenView> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM collector_token WHERE collector_id = ? ORDER BY id")) {
            s.setString(1, collectorId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Revokes the token; empty if it does not exist for this collector. Revoking twice keeps the first revocation. */
    @Transactional
    public Optional<TokenView> revoke(String collectorId, long id, String by) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE collector_token SET revoked_at = COALESCE(revoked_at, ?),"
                        + " revoked_by = COALESCE(revoked_by, ?) WHERE id = ? AND collector_id = ? RETURNING " + COLUMNS)) {
            s.setTimestamp(1, Jdbc.ts(clock.instant()));
            s.setString(2, by);
            s.setLong(3, id);
            s.setString(4, collectorId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        Instant now = clock.instant();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT t.id, a.name, COALESCE(a.disabled, FALSE),"
                        + " EXISTS (SELECT 1 FROM collector_token_scope sc WHERE sc.token_id = t.id AND sc.collector_id = ?)"
                        + " FROM collector_token t LEFT JOIN service_account a ON a.id = t.account_id"
                        + " WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND t.expires_at > ?")) {
            s.setString(1, collectorId);
            s.setBytes(2, hash(secret));
            s.setTimestamp(3, Jdbc.ts(now));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBoolean(3)) {
                    return new Invalid();
                }
                return rs.getBoolean(4) ? new Valid(rs.getLong(1), rs.getString(2)) : new WrongScope();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks the token used; called only after the request it authenticated was accepted. */
    @Transactional
    public void touch(long id) {
        try (Connection c = db.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE collector_token SET last_used_at = ? WHERE id = ?")) {
            u.setTimestamp(1, Jdbc.ts(clock.instant()));
            u.setLong(2, id);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hash(String secret) {
        return Hashes.sha256(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
