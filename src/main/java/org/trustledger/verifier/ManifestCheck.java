package org.trustledger.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.DailyManifest;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Hashes;

/**
 * The period's daily manifests ({@link DailyManifest}): each signed by the package key or by an earlier key the package
 * carries, dated as named, chained by previous_manifest_sha256 without gaps, and agreeing with the checkpoint where
 * they share its tree size.
 */
final class ManifestCheck {

    private final PackageIndex index;
    private final CheckReport report;
    private final Set<String> badKeyFiles = new HashSet<>();

    private ManifestCheck(PackageIndex index, CheckReport report) {
        this.index = index;
        this.report = report;
    }

    static void check(PackageIndex index, List<String> paths, Ed25519PublicKeyParameters key, Checkpoint cp, CheckReport report) {
        new ManifestCheck(index, report).run(paths, key, cp);
    }

    private void run(List<String> paths, Ed25519PublicKeyParameters key, Checkpoint cp) {
        int before = report.failures();
        int n = 0;
        int byEarlierKeys = 0;
        String packageKeyId = KeyCheck.keyId(key);
        String previousDate = null;
        byte[] previousBody = null;
        for (String path : paths) { // sorted by path, so by date
            Matcher m = PackageIndex.MANIFEST.matcher(path);
            if (!m.matches() || !index.get(path).listed) {
                continue;
            }
            n++;
            String where = "manifest " + path;
            byte[] body = index.kept(path);
            byte[] sig = index.kept(path + ".sig");
            if (body == null) {
                report.fail(where, "missing");
                continue;
            }
            DailyManifest man;
            try {
                man = DailyManifest.fromJson(PackageIndex.JSON.readTree(body));
            } catch (IOException e) {
                report.fail(where, "not valid JSON");
                continue;
            } catch (IllegalArgumentException e) {
                report.fail(where, "not a manifest (" + e.getMessage() + ")");
                continue;
            }
            String signer = man.keyId();
            Ed25519PublicKeyParameters signerKey = signer.equals(packageKeyId) ? key : earlierKey(signer);
            if (sig == null) {
                report.fail(where, "signature " + path + ".sig missing");
            } else if (signerKey == null) {
                report.fail(where, "signed by key " + signer + ", neither the package key nor a key the package lists as keys/" + signer
                        + ".pem");
            } else {
                try {
                    DailyManifest.verifySignature(signerKey, body, sig);
                    if (signerKey != key) {
                        byEarlierKeys++;
                    }
                } catch (RuntimeException e) {
                    report.fail(where, "signature does not verify (" + e.getMessage() + ")");
                }
            }
            if (!m.group(1).equals(man.date().toString())) {
                report.fail(where, "date " + man.date() + " does not match the file name");
            }
            if (previousBody != null && LocalDate.parse(previousDate).plusDays(1).toString().equals(m.group(1))) {
                if (!Codec.toHex(Hashes.sha256(previousBody)).equals(man.previousManifestSha256())) {
                    report.fail(where, "previous_manifest_sha256 does not equal SHA-256 of manifests/" + previousDate + ".json");
                }
            } else if (previousBody != null) {
                report.fail(where, "the chain has a gap after " + previousDate);
            }
            if (cp != null && man.treeSize() == cp.treeSize() && !man.rootHash().equals(Codec.toHex(cp.rootHash()))) {
                report.fail(where, "root_hash differs from the checkpoint's root at the same tree size");
            }
            previousDate = m.group(1);
            previousBody = body;
        }
        if (report.failures() == before) {
            report.ok(n == 0 ? "manifests: none sealed in the period" : "manifests: " + n + " signatures and previous_manifest_sha256 chain"
                    + (byEarlierKeys == 0 ? "" : " (" + byEarlierKeys + " signed by earlier keys listed in package.json)"));
        }
    }

    /**
     * A key that signed manifests before the current one, from {@code keys/<key_id>.pem}. It counts only when
     * package.json lists the file (so the package key vouches for it, the files check having matched its hash) and
     * the key really has the id it is filed under; otherwise null, and the reason is reported once.
     */
    private Ed25519PublicKeyParameters earlierKey(String keyId) {
        String path = "keys/" + keyId + ".pem";
        FileState f = index.get(path);
        byte[] pem = index.kept(path);
        if (!PackageIndex.KEY_FILE.matcher(path).matches() || f == null || !f.listed || pem == null) {
            return null;
        }
        try {
            Ed25519PublicKeyParameters k = Ed25519Keys.fromSpkiPem(new String(pem, StandardCharsets.US_ASCII));
            if (KeyCheck.keyId(k).equals(keyId)) {
                return k;
            }
            if (badKeyFiles.add(path)) {
                report.fail(path, "holds key " + KeyCheck.keyId(k) + ", not the key its name says");
            }
        } catch (RuntimeException e) {
            if (badKeyFiles.add(path)) {
                report.fail(path, "not an Ed25519 SubjectPublicKeyInfo PEM (" + e.getMessage() + ")");
            }
        }
        return null;
    }
}
