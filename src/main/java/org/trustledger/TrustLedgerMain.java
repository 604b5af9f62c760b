package org.trustledger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Checks the database before Quarkus boots so that a missing PostgreSQL gives one readable line
 * instead of a connection-pool stack trace, and so that a first run creates its database.
 */
@QuarkusMain
public final class TrustLedgerMain {

    private TrustLedgerMain() {
    }

    public static void main(String... args) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        try {
            DatabaseBootstrap.ensureDatabaseExists(settings);
        } catch (DatabaseBootstrap.DatabaseUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
