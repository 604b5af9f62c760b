package org.trustledger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.trustledger.ledger.LedgerVerifier;

/**
 * Checks the database before Quarkus boots so that a missing PostgreSQL gives one readable line
 * instead of a connection-pool stack trace, and so that a first run creates its database.
 *
 * <p>{@code verify-ledger [--jdbc-url URL]} instead runs the full ledger check against a database
 * over plain JDBC, without starting Quarkus, and exits 0 when the ledger is consistent, 1 when it
 * is not, and also 1 on a usage or connection error.
 */
@QuarkusMain
public final class TrustLedgerMain {

    private TrustLedgerMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && "verify-ledger".equals(args[0])) {
            System.exit(verifyLedger(args, System.out, System.err));
        }
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        try {
            DatabaseBootstrap.ensureDatabaseExists(settings);
        } catch (DatabaseBootstrap.DatabaseUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }

    public static int verifyLedger(String[] args, PrintStream out, PrintStream err) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        String url = settings.jdbcUrl();
        for (int i = 1; i < args.length; i++) {
            if ("--jdbc-url".equals(args[i]) && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("--jdbc-url=")) {
                url = args[i].substring("--jdbc-url=".length());
            } else {
                err.println("usage: verify-ledger [--jdbc-url jdbc:postgresql://host:port/database]");
                return 1;
            }
        }
        Properties props = new Properties();
        props.setProperty("user", settings.username());
        if (!settings.password().isEmpty()) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("connectTimeout", "5");
        out.println("Verifying the ledger in " + url);
        try (Connection c = DriverManager.getConnection(url, props)) {
            LedgerVerifier.Result r = LedgerVerifier.verify(c, new LedgerVerifier.Listener() {
                @Override
                public void passed(String check, long count) {
                    out.printf("ok    %-18s %d checked%n", check, count);
                }

                @Override
                public void failed(String check, LedgerVerifier.Inconsistency p) {
                    out.printf("FAIL  %-18s %s at %s: %s%n", check, p.kind(), p.location(), p.detail());
                }
            });
            out.println(r.ok() ? "RESULT: ledger is consistent" : "RESULT: ledger is NOT consistent");
            return r.ok() ? 0 : 1;
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            err.println("verify-ledger: cannot read " + url + " (" + reason + ")");
            return 1;
        }
    }
}
