package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Non-human accounts (CI pipelines) that push evidence with tokens from {@link ServiceTokens}. */
@ApplicationScoped
public class ServiceAccounts {

    private final DataSource db;
    private final Clock clock;

    public ServiceAccounts(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Account(long id, String name, String description, Instant createdAt, String createdBy, boolean disabled) {
    }

    private static final String COLUMNS = "id, name, description, created_at, created_by, disabled";

    private static Account read(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, 4), rs.getString(5), rs.getBoolean(6));
    }

    /** Creates the account; empty if the name is taken. */
    @Transactional
    public Optional<Account> create(String name, String description, String createdBy) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO service_account (name, description, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING " + COLUMNS)) {
            s.setString(1, name);
            s.setString(2, description);
            s.setTimestamp(3, Jdbc.ts(clock.instant()));
            s.setString(4, createdBy);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public List<Account> list() {
        List<Account> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM service_account ORDER BY name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Transactional
    public Optional<Account> find(long id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM service_account WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Disables or re-enables the account; a disabled account's tokens are refused. */
    @Transactional
    public Optional<Account> setDisabled(long id, boolean disabled) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE service_account SET disabled = ? WHERE id = ? RETURNING " + COLUMNS)) {
            s.setBoolean(1, disabled);
            s.setLong(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
