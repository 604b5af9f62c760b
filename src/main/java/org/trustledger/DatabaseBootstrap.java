package org.trustledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the configured PostgreSQL database on first use; says plainly when the server is unreachable. */
public final class DatabaseBootstrap {

    private static final String INVALID_CATALOG = "3D000";
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([A-Za-z0-9_]+)(\\?.*)?$");

    private DatabaseBootstrap() {
    }

    public static final class DatabaseUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseUnavailableException(String message) {
            super(message);
        }
    }

    public static void ensureDatabaseExists(DatabaseSettings settings) {
        try (Connection c = connect(settings.jdbcUrl(), settings)) {
            if (c.isValid(5)) {
                return;
            }
        } catch (SQLException e) {
            if (!INVALID_CATALOG.equals(e.getSQLState())) {
                throw unavailable(settings, e);
            }
        }
        Matcher m = DATABASE_IN_URL.matcher(settings.jdbcUrl());
        if (!m.matches()) {
            throw new DatabaseUnavailableException("TrustLedger cannot start: database in " + settings.jdbcUrl()
                    + " does not exist and the URL is not of the form jdbc:postgresql://host:port/name to create it");
        }
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = connect(maintenanceUrl, settings); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + m.group(2) + "\"");
        } catch (SQLException e) {
            // Another instance may have created it between our two connections.
            if (!"42P04".equals(e.getSQLState())) {
                throw unavailable(settings, e);
            }
        }
    }

    private static Connection connect(String url, DatabaseSettings settings) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.username());
        if (!settings.password().isEmpty()) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, props);
    }

    private static DatabaseUnavailableException unavailable(DatabaseSettings settings, SQLException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new DatabaseUnavailableException("TrustLedger cannot start: PostgreSQL not reachable at "
                + settings.jdbcUrl() + " (" + reason + "). Start PostgreSQL or set QUARKUS_DATASOURCE_JDBC_URL.");
    }
}
