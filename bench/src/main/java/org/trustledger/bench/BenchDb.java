package org.trustledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** Benchmark databases on the local PostgreSQL, migrated with the application's own Flyway scripts. */
final class BenchDb {

    static final String HOST = System.getProperty("bench.pg", "jdbc:postgresql://localhost:5432/");
    static final String USER = System.getProperty("bench.user", "postgres");

    private BenchDb() {
    }

    static String url(String db) {
        return HOST + db;
    }

    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(url(db), USER, "");
    }

    static boolean exists(String db) throws SQLException {
        try (Connection c = connect("postgres"); var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, db);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops and re-creates {@code db}, then applies the application's migrations. */
    static void recreate(String db) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + db + "\"");
        }
        Flyway.configure().dataSource(url(db), USER, "").locations("classpath:db/migration").load().migrate();
    }
}
