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
import org.trustledger.ledger.Hashes;

/**
 * Service-account bearer tokens for pushed evidence. A token is scoped to one collector and expires;
 * only its SHA-256 is stored, so the secret is shown once, at creation, and a database dump cannot be
 * replayed.
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
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Issued(read(rs), secret);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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

    public record Valid(TokenView token) implements Check {
    }

    /** Unknown, malformed, expired or revoked: the caller is not authenticated. */
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
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM collector_token WHERE token_sha256 = ?"
                        + " AND revoked_at IS NULL AND expires_at > ?")) {
            s.setBytes(1, hash(secret));
            s.setTimestamp(2, Jdbc.ts(now));
            TokenView t;
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new Invalid();
                }
                t = read(rs);
            }
            return t.collectorId().equals(collectorId) ? new Valid(t) : new WrongScope();
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
