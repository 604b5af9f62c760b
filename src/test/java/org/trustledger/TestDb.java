package org.trustledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC connections to the test database, outside the application's pool. */
public final class TestDb {

    private TestDb() {
    }

    public static String url() {
        return TestDatabase.URL;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.URL, "postgres", "");
    }
}
