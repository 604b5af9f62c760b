package org.trustledger.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code target/trustledger-verifier.jar} (built in {@code package}) as an auditor would,
 * against the package {@link AuditExportTest} left in target/export-it/. Runs in failsafe's
 * integration-test phase; skipped when the surefire test did not run (e.g. -Dtest=… for another class).
 */
class AuditPackageVerifierJarIT {

    private static final Path JAR = Path.of("target", "trustledger-verifier.jar");
    private static final Path PKG = AuditExportTest.OUT.resolve("package.zip");
    private static final Path KEY = AuditExportTest.OUT.resolve("public-key.pem");

    private record Run(int status, String output) {
    }

    private static Run java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void shadedJarVerifiesTheExportedPackage() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
        Assumptions.assumeTrue(Files.isRegularFile(PKG), "AuditExportTest did not leave a package");
        Run ok = java("verify", PKG.toString(), "--key", KEY.toString());
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().contains("RESULT OK"), ok.output());
        assertTrue(ok.output().contains("OK inclusion: 5 evidence items"), ok.output());

        Run embedded = java("verify", PKG.toString());
        assertEquals(0, embedded.status(), embedded.output());
        assertTrue(embedded.output().contains("WARN no --key given"), embedded.output());

        Path bad = AuditExportTest.OUT.resolve("tampered.zip");
        Map<String, byte[]> files = AuditExportTest.unzip(Files.readAllBytes(PKG));
        byte[] b = files.get("evidence/3.json").clone();
        b[5] ^= 1;
        files.put("evidence/3.json", b);
        Files.write(bad, AuditExportTest.zip(files));
        Run fail = java("verify", bad.toString(), "--key", KEY.toString());
        assertEquals(1, fail.status(), fail.output());
        assertTrue(fail.output().contains("FAIL file evidence/3.json"), fail.output());
        assertTrue(fail.output().contains("RESULT FAIL"), fail.output());

        assertEquals(2, java().status());
        assertEquals(2, java("verify").status());
        assertEquals(2, java("verify", PKG.toString(), "--key").status());
    }

    @Test
    void shadedJarHoldsNoQuarkusOrCdiClasses() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
        try (ZipFile z = new ZipFile(JAR.toFile())) {
            List<String> names = z.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("org/trustledger/verifier/PackageVerifier.class"));
            assertTrue(names.stream().noneMatch(n -> n.startsWith("io/quarkus/") || n.startsWith("jakarta/") || n.startsWith("io/vertx/")
                    || n.startsWith("org/jboss/")), "no Quarkus/CDI classes");
            assertTrue(names.stream().filter(n -> n.startsWith("org/trustledger/")).allMatch(
                    n -> n.startsWith("org/trustledger/verifier/") || n.startsWith("org/trustledger/tlog/") || n.endsWith("/")));
        }
    }
}
