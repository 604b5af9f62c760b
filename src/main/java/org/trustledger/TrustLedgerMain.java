package org.trustledger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.trustledger.ledger.LedgerVerifier;
import org.trustledger.tlog.CheckReport;

/**
 * Checks the database before Quarkus boots so that a missing PostgreSQL gives one readable line
 * instead of a connection-pool stack trace, and so that a first run creates its database.
 *
 * <p>{@code verify-ledger [--jdbc-url URL]} instead runs the full ledger check against a database
 * over plain JDBC, without starting Quarkus. It prints in the format of {@link CheckReport}, shared
 * with the audit-package verifier: {@code OK <check>: <n> checked} per passed check,
 * {@code FAIL <location>: <kind>: <detail>} for the first inconsistency, then {@code RESULT OK} or
 * {@code RESULT FAIL}; it exits 0 when the ledger is consistent, 1 when it is not, and 2 on a usage
 * or connection error.
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

    private static final String USAGE = "verify-ledger [--jdbc-url jdbc:postgresql://host:port/database]";

    public static int verifyLedger(String[] args, PrintStream out, PrintStream err) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        String url = settings.jdbcUrl();
        for (int i = 1; i < args.length; i++) {
            if ("--jdbc-url".equals(args[i]) && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("--jdbc-url=")) {
                url = args[i].substring("--jdbc-url=".length());
            } else {
                return CheckReport.usage(err, "unexpected argument " + args[i], USAGE);
            }
        }
        Properties props = new Properties();
        props.setProperty("user", settings.username());
        if (!settings.password().isEmpty()) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("connectTimeout", "5");
        out.println("Verifying the ledger in " + url);
        CheckReport report = new CheckReport(out);
        try (Connection c = DriverManager.getConnection(url, props)) {
            LedgerVerifier.verify(c, new LedgerVerifier.Listener() {
                @Override
                public void passed(String check, long count) {
                    report.ok(check + ": " + count + " checked");
                }

                @Override
                public void failed(String check, LedgerVerifier.Inconsistency p) {
                    report.fail(p.location(), p.kind() + ": " + p.detail());
                }
            });
            return report.finish();
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            err.println("error: verify-ledger cannot read " + url + " (" + reason + ")");
            return CheckReport.EXIT_USAGE;
        }
    }
}
