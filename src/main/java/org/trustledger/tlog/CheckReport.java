package org.trustledger.tlog;

import java.io.PrintStream;

/**
 * The one output format and exit status of both command-line checks, {@code verify-ledger} and the
 * audit-package verifier:
 *
 * <pre>
 * OK &lt;check&gt;              one line per check that passed
 * FAIL &lt;where&gt;: &lt;why&gt;       one line per failure (a check may report several)
 * WARN &lt;text&gt;              a caveat that is not a failure
 * RESULT OK | RESULT FAIL    always the last line
 * </pre>
 *
 * Exit status: {@value #EXIT_OK} when every check passed, {@value #EXIT_FAILED} when verification
 * failed, {@value #EXIT_USAGE} for a usage or I/O error (then a line {@code error: <why>} and the
 * usage go to standard error, and no RESULT line is printed).
 */
public final class CheckReport {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private int failures;

    public CheckReport(PrintStream out) {
        this.out = out;
    }

    /** A check passed; {@code check} names it and may add what was checked. */
    public void ok(String check) {
        out.println("OK " + check);
    }

    /** A check failed at {@code where} (a file, row or part of the input) because of {@code why}. */
    public void fail(String where, String why) {
        out.println("FAIL " + where + ": " + why);
        failures++;
    }

    /** A caveat the reader should know that does not fail verification. */
    public void warn(String text) {
        out.println("WARN " + text);
    }

    /** Failures reported so far; a check compares it before and after to know whether it passed. */
    public int failures() {
        return failures;
    }

    /** Prints the RESULT line and returns the exit status. */
    public int finish() {
        out.println(failures == 0 ? "RESULT OK" : "RESULT FAIL");
        return failures == 0 ? EXIT_OK : EXIT_FAILED;
    }

    /** A usage or I/O error: reason and usage on {@code err}; returns {@link #EXIT_USAGE}. */
    public static int usage(PrintStream err, String why, String usage) {
        err.println("error: " + why);
        err.println("usage: " + usage);
        return EXIT_USAGE;
    }
}
