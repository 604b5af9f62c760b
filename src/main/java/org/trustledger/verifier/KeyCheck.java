package org.trustledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.SigningKey;

/** The key the package is checked with, and package.json's key_id and detached signature. */
final class KeyCheck {

    private KeyCheck() {
    }

    /** key_id of an Ed25519 public key: the SHA-256 of its SubjectPublicKeyInfo DER, in hex. */
    static String keyId(Ed25519PublicKeyParameters key) {
        return SigningKey.keyIdOf(key.getEncoded());
    }

    /** The key from {@code keyFile}, else the package's own public-key.pem (with a warning); null after a failure. */
    static Ed25519PublicKeyParameters load(Path keyFile, PackageIndex index, CheckReport report) throws IOException {
        String pem;
        if (keyFile != null) {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } else {
            byte[] embedded = index.read("public-key.pem");
            if (embedded == null) {
                report.fail("public-key.pem", "missing and no --key given");
                return null;
            }
            report.warn("no --key given: using the package's own public-key.pem, which proves integrity only, not origin;"
                    + " pass the key published by the ledger (/api/v1/keys) with --key");
            pem = new String(embedded, StandardCharsets.US_ASCII);
        }
        try {
            Ed25519PublicKeyParameters k = Ed25519Keys.fromSpkiPem(pem);
            report.ok("public key loaded from " + (keyFile != null ? keyFile : "public-key.pem (embedded)"));
            return k;
        } catch (RuntimeException e) {
            report.fail("public key", "not an Ed25519 SubjectPublicKeyInfo PEM (" + e.getMessage() + ")");
            return null;
        }
    }

    /** package.json names the key and carries its signature. */
    static void packageSignature(JsonNode pkg, byte[] packageJson, Ed25519PublicKeyParameters key, PackageIndex index,
            CheckReport report) throws IOException {
        String keyId = keyId(key);
        if (!keyId.equals(pkg.path("key_id").asText())) {
            report.fail("key_id", "package.json names key " + pkg.path("key_id").asText() + " but the key used is " + keyId);
        } else {
            report.ok("key_id " + keyId);
        }
        byte[] sig = index.read("package.json.sig");
        if (sig == null) {
            report.fail("package.json.sig", "missing");
            return;
        }
        try {
            Ed25519Keys.verify(key, packageJson, sig);
            report.ok("package.json signature (Ed25519, " + sig.length + " bytes)");
        } catch (RuntimeException e) {
            report.fail("package.json signature", e.getMessage());
        }
    }
}
