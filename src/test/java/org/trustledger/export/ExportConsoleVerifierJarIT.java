package org.trustledger.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustledger.tlog.Hashes;

/**
 * The auditor's last step: the package downloaded through the console ({@link ExportConsoleJourneyTest} leaves it in
 * target/export-console-it/) is accepted by the shaded {@code target/trustledger-verifier.jar}, with the published key.
 * Runs in failsafe's integration-test phase; skipped when the browser journey did not run.
 */
class ExportConsoleVerifierJarIT {

    private static final Path JAR = Path.of("target", "trustledger-verifier.jar");
    private static final Path PKG = ExportConsoleJourneyTest.OUT.resolve("package.zip");
    private static final Path KEY = ExportConsoleJourneyTest.OUT.resolve("public-key.pem");
    private static final Path SHA = ExportConsoleJourneyTest.OUT.resolve("package.sha256");

    @Test
    void theVerifierJarAcceptsThePackageDownloadedFromTheConsole() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
        Assumptions.assumeTrue(Files.isRegularFile(PKG) && Files.isRegularFile(SHA), "ExportConsoleJourneyTest did not leave a package");
        assertEquals(Files.readString(SHA).strip(), HexFormat.of().formatHex(Hashes.sha256(Files.readAllBytes(PKG))),
                "the file is the one the console listed");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "verify",
                PKG.toString(), "--key", KEY.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("RESULT OK") && out.contains("OK inclusion: 4 evidence items") && !out.contains("FAIL"), out);
    }
}
