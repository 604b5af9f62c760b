package org.trustledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Checkpoint;

/**
 * Offline verifier of a TrustLedger audit package: {@code verify package.zip [--key public-key.pem]}.
 * No server, no database: only the zip and, preferably, the ledger's public key obtained independently.
 *
 * <p>Prints in the {@link CheckReport} format shared with {@code verify-ledger}: one {@code OK <check>} or
 * {@code FAIL <where>: <why>} line per check, then {@code RESULT OK} or {@code RESULT FAIL}. It keeps checking after a
 * failure (so every problem is listed) and exits 0 when everything passed, 1 when a check failed, and 2 for usage or
 * I/O errors.
 *
 * <p>The package is read in one pass ({@link PackageIndex#pass}) keeping a small record per file, so memory grows with
 * the number of files, not their size. The checks, in order: {@link KeyCheck}, {@link CheckpointCheck},
 * {@link SumsCheck}, {@link EvidenceProofs}, {@link ManifestCheck}, {@link GovernanceCheck}.
 */
public final class PackageVerifier {

    private static final String USAGE = "java -jar trustledger-verifier.jar verify package.zip [--key public-key.pem]";

    private PackageVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without {@code System.exit}: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path pkg = null;
        Path key = null;
        List<String> a = Arrays.asList(args);
        if (a.isEmpty() || !a.get(0).equals("verify")) {
            return CheckReport.usage(err, "expected the command 'verify'", USAGE);
        }
        for (int i = 1; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("--key")) {
                if (i + 1 >= a.size() || key != null) {
                    return CheckReport.usage(err, "--key needs exactly one PEM file", USAGE);
                }
                key = Path.of(a.get(++i));
            } else if (s.startsWith("-") || pkg != null) {
                return CheckReport.usage(err, "unexpected argument " + s, USAGE);
            } else {
                pkg = Path.of(s);
            }
        }
        if (pkg == null) {
            return CheckReport.usage(err, "no package given", USAGE);
        }
        if (!Files.isRegularFile(pkg)) {
            return CheckReport.usage(err, "no such file: " + pkg, USAGE);
        }
        if (key != null && !Files.isRegularFile(key)) {
            return CheckReport.usage(err, "no such key file: " + key, USAGE);
        }
        CheckReport report = new CheckReport(out);
        try (ZipFile z = new ZipFile(pkg.toFile(), StandardCharsets.UTF_8)) {
            verify(new PackageIndex(z), key, report);
        } catch (IOException e) {
            report.fail("package " + pkg, "not a readable zip (" + e.getMessage() + ")");
        }
        return report.finish();
    }

    private static void verify(PackageIndex index, Path keyFile, CheckReport report) throws IOException {
        byte[] packageJson = index.read("package.json");
        if (packageJson == null) {
            report.fail("package.json", "missing");
            return;
        }
        JsonNode pkg;
        try {
            pkg = index.readPackageJson(packageJson);
        } catch (IOException e) {
            report.fail("package.json", "not valid JSON (" + e.getMessage() + ")");
            return;
        }
        Ed25519PublicKeyParameters key = KeyCheck.load(keyFile, index, report);
        if (key == null) {
            return;
        }
        KeyCheck.packageSignature(pkg, packageJson, key, index, report);
        packageJson = null; // about 120 bytes per file: not needed any more
        Checkpoint checkpoint = CheckpointCheck.check(pkg, key, report);
        EvidenceProofs proofs = checkpoint == null ? null : new EvidenceProofs(checkpoint);

        index.pass(proofs, report);
        List<String> paths = index.paths();
        SumsCheck.files(index, paths, report);
        SumsCheck.sums(index, paths, report);
        if (proofs != null) {
            proofs.check(pkg, index, report);
        }
        ManifestCheck.check(index, paths, key, checkpoint, report);
        GovernanceCheck.check(pkg, index, report);
    }
}
