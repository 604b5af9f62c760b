package org.trustledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.trustledger.ledger.Checkpoint;
import org.trustledger.ledger.Codec;
import org.trustledger.ledger.Ed25519Keys;
import org.trustledger.ledger.Hashes;
import org.trustledger.ledger.Jcs;
import org.trustledger.ledger.MerkleVerifier;
import org.trustledger.ledger.NoteVerifier;
import org.trustledger.ledger.SignedNote;

/**
 * Offline verifier of a TrustLedger audit package: {@code verify package.zip [--key public-key.pem]}.
 * No server, no database: only the zip and, preferably, the ledger's public key obtained independently.
 *
 * <p>Prints one {@code OK …} or {@code FAIL …} line per check, keeps checking after a failure (so every
 * problem is listed), and exits 0 only when everything passed, 1 naming the first failure otherwise, and
 * 2 for usage errors.
 */
public final class PackageVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVIDENCE = Pattern.compile("evidence/(0|[1-9][0-9]{0,18})\\.json");
    private static final Pattern MANIFEST = Pattern.compile("manifests/([0-9]{4}-[0-9]{2}-[0-9]{2})\\.json");
    private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64})  (.+)");
    private static final Set<String> META = Set.of("package.json", "package.json.sig", "SHA256SUMS");
    private static final int EVENT_SUFFIX = ",\"hash\":\"".length() + 64 + "\",\"prev_hash\":\"".length() + 64 + "\"}".length();

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private ZipFile zip;

    private PackageVerifier(PrintStream out) {
        this.out = out;
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
            return usage(err, "expected the command 'verify'");
        }
        for (int i = 1; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("--key")) {
                if (i + 1 >= a.size() || key != null) {
                    return usage(err, "--key needs exactly one PEM file");
                }
                key = Path.of(a.get(++i));
            } else if (s.startsWith("-") || pkg != null) {
                return usage(err, "unexpected argument " + s);
            } else {
                pkg = Path.of(s);
            }
        }
        if (pkg == null) {
            return usage(err, "no package given");
        }
        if (!Files.isRegularFile(pkg)) {
            return usage(err, "no such file: " + pkg);
        }
        if (key != null && !Files.isRegularFile(key)) {
            return usage(err, "no such key file: " + key);
        }
        PackageVerifier v = new PackageVerifier(out);
        try (ZipFile z = new ZipFile(pkg.toFile(), StandardCharsets.UTF_8)) {
            v.zip = z;
            v.verify(key);
        } catch (IOException e) {
            v.fail("package " + pkg + ": not a readable zip (" + e.getMessage() + ")");
        }
        if (v.failures.isEmpty()) {
            out.println("RESULT OK: all checks passed");
            return 0;
        }
        out.println("RESULT FAIL: " + v.failures.size() + " check(s) failed; first: " + v.failures.get(0));
        return 1;
    }

    private static int usage(PrintStream err, String why) {
        err.println("error: " + why);
        err.println("usage: java -jar trustledger-verifier.jar verify package.zip [--key public-key.pem]");
        return 2;
    }

    private void ok(String what) {
        out.println("OK   " + what);
    }

    private void fail(String what) {
        out.println("FAIL " + what);
        failures.add(what);
    }

    /** Each entry is inflated once: the hash, SHA256SUMS and proof checks all read the same files. */
    private final java.util.Map<String, byte[]> inflated = new java.util.HashMap<>();

    private byte[] read(String path) throws IOException {
        byte[] cached = inflated.get(path);
        if (cached != null) {
            return cached;
        }
        ZipEntry e = zip.getEntry(path);
        if (e == null || e.isDirectory()) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readAllBytes();
            inflated.put(path, bytes);
            return bytes;
        }
    }

    private void verify(Path keyFile) throws IOException {
        Set<String> names = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
            String n = en.nextElement().getName();
            if (!names.add(n)) {
                duplicates.add(n);
            }
        }
        if (!duplicates.isEmpty()) {
            fail("zip: duplicate entries " + duplicates);
        }
        byte[] packageJson = read("package.json");
        if (packageJson == null) {
            fail("package.json: missing");
            return;
        }
        JsonNode pkg;
        try {
            pkg = JSON.readTree(packageJson);
            if (pkg == null || !pkg.isObject() || !pkg.path("files").isArray()) {
                throw new IOException("not an object with a files array");
            }
        } catch (IOException e) {
            fail("package.json: not valid JSON (" + e.getMessage() + ")");
            return;
        }

        // 1. The key and package.json's signature.
        Ed25519PublicKeyParameters key = loadKey(keyFile);
        if (key == null) {
            return;
        }
        String keyId = Codec.toHex(Hashes.sha256(spkiDer(key)));
        if (!keyId.equals(pkg.path("key_id").asText())) {
            fail("key_id: package.json names key " + pkg.path("key_id").asText() + " but the key used is " + keyId);
        } else {
            ok("key_id " + keyId);
        }
        byte[] sig = read("package.json.sig");
        if (sig == null) {
            fail("package.json.sig: missing");
        } else {
            try {
                Ed25519Keys.verify(key, packageJson, sig);
                ok("package.json signature (Ed25519, " + sig.length + " bytes)");
            } catch (RuntimeException e) {
                fail("package.json signature: " + e.getMessage());
            }
        }

        // 2. Every file against package.json.
        Map<String, JsonNode> listed = new TreeMap<>();
        for (JsonNode f : pkg.path("files")) {
            listed.put(f.path("path").asText(), f);
        }
        int good = 0;
        int before = failures.size();
        for (Map.Entry<String, JsonNode> f : listed.entrySet()) {
            byte[] b = read(f.getKey());
            if (b == null) {
                fail("file " + f.getKey() + ": listed in package.json but missing from the zip");
                continue;
            }
            String sha = Codec.toHex(Hashes.sha256(b));
            if (!sha.equals(f.getValue().path("sha256").asText())) {
                fail("file " + f.getKey() + ": sha256 " + sha + " does not match package.json");
            } else if (b.length != f.getValue().path("size").asLong(-1)) {
                fail("file " + f.getKey() + ": size " + b.length + " does not match package.json");
            } else {
                good++;
            }
        }
        for (String n : new java.util.TreeSet<>(names)) {
            if (!listed.containsKey(n) && !META.contains(n) && !n.endsWith("/")) {
                fail("file " + n + ": in the zip but not listed in package.json");
            }
        }
        if (failures.size() == before) {
            ok("files: " + good + " files match their sha256 and size in package.json");
        }

        // 3. SHA256SUMS.
        checkSums(names);

        // 4. Checkpoint.
        Checkpoint checkpoint = checkCheckpoint(pkg, key);

        // 5. Evidence and inclusion proofs.
        if (checkpoint != null) {
            checkEvidence(pkg, listed, checkpoint);
        }

        // 6. Manifests.
        checkManifests(listed, key, checkpoint);

        // 7. Governance chain.
        checkGovernance(pkg);
    }

    private Ed25519PublicKeyParameters loadKey(Path keyFile) throws IOException {
        String pem;
        if (keyFile != null) {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } else {
            byte[] embedded = read("public-key.pem");
            if (embedded == null) {
                fail("public-key.pem: missing and no --key given");
                return null;
            }
            out.println("WARN no --key given: using the package's own public-key.pem, which proves integrity only, not origin;"
                    + " pass the key published by the ledger (/api/v1/keys) with --key");
            pem = new String(embedded, StandardCharsets.US_ASCII);
        }
        try {
            Ed25519PublicKeyParameters k = Ed25519Keys.fromSpkiPem(pem);
            ok("public key loaded from " + (keyFile != null ? keyFile : "public-key.pem (embedded)"));
            return k;
        } catch (RuntimeException e) {
            fail("public key: not an Ed25519 SubjectPublicKeyInfo PEM (" + e.getMessage() + ")");
            return null;
        }
    }

    private static byte[] spkiDer(Ed25519PublicKeyParameters key) {
        String pem = Ed25519Keys.toSpkiPem(key);
        StringBuilder b64 = new StringBuilder();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && !line.isBlank()) {
                b64.append(line.trim());
            }
        }
        return java.util.Base64.getDecoder().decode(b64.toString());
    }

    private void checkSums(Set<String> names) throws IOException {
        byte[] sums = read("SHA256SUMS");
        if (sums == null) {
            fail("SHA256SUMS: missing");
            return;
        }
        int before = failures.size();
        Map<String, String> listed = new LinkedHashMap<>();
        String text = new String(sums, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            fail("SHA256SUMS: does not end in a newline");
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = SUM_LINE.matcher(line);
            if (!m.matches()) {
                fail("SHA256SUMS: malformed line '" + line + "'");
                continue;
            }
            if (listed.put(m.group(2), m.group(1)) != null) {
                fail("SHA256SUMS: " + m.group(2) + " listed twice");
            }
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            byte[] b = read(e.getKey());
            if (b == null) {
                fail("SHA256SUMS: " + e.getKey() + " is missing from the zip");
            } else if (!Codec.toHex(Hashes.sha256(b)).equals(e.getValue())) {
                fail("SHA256SUMS: " + e.getKey() + " does not match its hash");
            }
        }
        for (String n : new java.util.TreeSet<>(names)) {
            if (!n.equals("SHA256SUMS") && !n.endsWith("/") && !listed.containsKey(n)) {
                fail("SHA256SUMS: " + n + " is not listed");
            }
        }
        if (failures.size() == before) {
            ok("SHA256SUMS: " + listed.size() + " files match");
        }
    }

    private Checkpoint checkCheckpoint(JsonNode pkg, Ed25519PublicKeyParameters key) {
        String note = pkg.path("checkpoint").asText("");
        int nl = note.indexOf('\n');
        if (nl <= 0) {
            fail("checkpoint: package.json has no checkpoint note");
            return null;
        }
        try {
            String origin = note.substring(0, nl);
            String text = SignedNote.verify(note, new NoteVerifier(origin, key.getEncoded()));
            Checkpoint cp = Checkpoint.parse(text);
            ok("checkpoint signature (signed note by " + origin + "), tree size " + cp.treeSize());
            if (cp.treeSize() != pkg.path("tree_size").asLong(-1)) {
                fail("checkpoint: tree size " + cp.treeSize() + " differs from package.json tree_size");
            }
            if (!Codec.toHex(cp.rootHash()).equals(pkg.path("root_hash").asText())) {
                fail("checkpoint: root hash differs from package.json root_hash");
            }
            return cp;
        } catch (RuntimeException e) {
            fail("checkpoint: " + e.getMessage());
            return null;
        }
    }

    private void checkEvidence(JsonNode pkg, Map<String, JsonNode> listed, Checkpoint cp) throws IOException {
        long first = pkg.path("first_index").asLong(-1);
        long count = pkg.path("evidence_count").asLong(-1);
        int before = failures.size();
        Set<Long> indexes = new java.util.TreeSet<>();
        for (String path : listed.keySet()) {
            Matcher m = EVIDENCE.matcher(path);
            if (m.matches()) {
                indexes.add(Long.parseLong(m.group(1)));
            }
        }
        if (first < 0 || count < 0 || first + count != cp.treeSize()) {
            fail("evidence: first_index " + first + " + evidence_count " + count + " must equal the checkpoint's tree size " + cp.treeSize());
        }
        for (long i = Math.max(first, 0); i < cp.treeSize(); i++) {
            if (!indexes.contains(i)) {
                fail("evidence/" + i + ".json: missing (the period covers leaves " + first + ".." + (cp.treeSize() - 1) + ")");
            }
        }
        for (long i : indexes) {
            String ev = "evidence/" + i + ".json";
            String pf = "proofs/" + i + ".json";
            byte[] leaf = read(ev);
            byte[] proofBytes = read(pf);
            if (leaf == null) {
                fail(ev + ": missing");
                continue;
            }
            if (proofBytes == null) {
                fail(pf + ": missing (inclusion proof of " + ev + ")");
                continue;
            }
            try {
                JsonNode p = JSON.readTree(proofBytes);
                byte[] leafHash = Hashes.leafHash(leaf);
                if (p.path("index").asLong(-1) != i) {
                    fail("inclusion " + ev + ": " + pf + " is the proof of index " + p.path("index").asText() + ", not " + i);
                    continue;
                }
                if (p.path("tree_size").asLong(-1) != cp.treeSize()) {
                    fail("inclusion " + ev + ": " + pf + " is for tree size " + p.path("tree_size").asText() + ", not the checkpoint's "
                            + cp.treeSize());
                    continue;
                }
                if (!Codec.toHex(leafHash).equals(p.path("leaf_hash").asText())) {
                    fail("inclusion " + ev + ": SHA-256(0x00 || bytes) does not equal leaf_hash in " + pf);
                    continue;
                }
                List<byte[]> hashes = new ArrayList<>();
                for (JsonNode h : p.path("hashes")) {
                    hashes.add(Codec.fromHex(h.asText(), Hashes.SIZE));
                }
                MerkleVerifier.verifyInclusion(leafHash, i, cp.treeSize(), hashes, cp.rootHash());
            } catch (IOException | RuntimeException e) {
                fail("inclusion " + ev + ": " + pf + " does not prove it against the checkpoint root (" + e.getMessage() + ")");
            }
        }
        if (failures.size() == before) {
            ok(indexes.isEmpty() ? "evidence: the period has no evidence (evidence_count 0)"
                    : "inclusion: " + indexes.size() + " evidence items (leaves " + first + ".." + (cp.treeSize() - 1)
                            + ") proven against the checkpoint root");
        }
    }

    private void checkManifests(Map<String, JsonNode> listed, Ed25519PublicKeyParameters key, Checkpoint cp) throws IOException {
        int before = failures.size();
        int n = 0;
        String previousDate = null;
        byte[] previousBody = null;
        for (String path : listed.keySet()) { // sorted by path, so by date
            Matcher m = MANIFEST.matcher(path);
            if (!m.matches()) {
                continue;
            }
            n++;
            byte[] body = read(path);
            byte[] sig = read(path + ".sig");
            if (body == null) {
                fail("manifest " + path + ": missing");
                continue;
            }
            JsonNode man;
            try {
                man = JSON.readTree(body);
            } catch (IOException e) {
                fail("manifest " + path + ": not valid JSON");
                continue;
            }
            if (sig == null) {
                fail("manifest " + path + ": signature " + path + ".sig missing");
            } else if (!man.path("key_id").asText().equals(Codec.toHex(Hashes.sha256(spkiDer(key))))) {
                fail("manifest " + path + ": signed by key " + man.path("key_id").asText() + ", not the package key");
            } else {
                try {
                    Ed25519Keys.verify(key, body, sig);
                } catch (RuntimeException e) {
                    fail("manifest " + path + ": signature does not verify (" + e.getMessage() + ")");
                }
            }
            if (!m.group(1).equals(man.path("date").asText())) {
                fail("manifest " + path + ": date " + man.path("date").asText() + " does not match the file name");
            }
            if (previousBody != null && java.time.LocalDate.parse(previousDate).plusDays(1).toString().equals(m.group(1))) {
                String expect = Codec.toHex(Hashes.sha256(previousBody));
                if (!expect.equals(man.path("previous_manifest_sha256").asText())) {
                    fail("manifest " + path + ": previous_manifest_sha256 does not equal SHA-256 of manifests/" + previousDate + ".json");
                }
            } else if (previousBody != null) {
                fail("manifest " + path + ": the chain has a gap after " + previousDate);
            }
            if (cp != null && man.path("tree_size").asLong(-1) == cp.treeSize()
                    && !man.path("root_hash").asText().equals(Codec.toHex(cp.rootHash()))) {
                fail("manifest " + path + ": root_hash differs from the checkpoint's root at the same tree size");
            }
            previousDate = m.group(1);
            previousBody = body;
        }
        if (failures.size() == before) {
            ok(n == 0 ? "manifests: none sealed in the period" : "manifests: " + n + " signatures and previous_manifest_sha256 chain");
        }
    }

    private void checkGovernance(JsonNode pkg) throws IOException {
        int before = failures.size();
        byte[] headBytes = read("governance/head-before.json");
        byte[] events = read("governance/events.jsonl");
        if (headBytes == null || events == null) {
            fail("governance: governance/head-before.json or governance/events.jsonl missing");
            return;
        }
        JsonNode head = JSON.readTree(headBytes);
        long seq = head.path("size").asLong(-1);
        String prev = head.path("hash").asText();
        long count = 0;
        String text = new String(events, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String where = "governance/events.jsonl line " + (count + 1);
            count++;
            if (!line.startsWith("{\"event\":") || line.length() < "{\"event\":".length() + EVENT_SUFFIX) {
                fail("governance: " + where + " is malformed");
                break;
            }
            String event = line.substring("{\"event\":".length(), line.length() - EVENT_SUFFIX);
            String suffix = line.substring(line.length() - EVENT_SUFFIX);
            try {
                JsonNode tail = JSON.readTree("{" + suffix.substring(1));
                String hash = tail.path("hash").asText();
                String prevHash = tail.path("prev_hash").asText();
                byte[] canonical = event.getBytes(StandardCharsets.UTF_8);
                if (!Arrays.equals(canonical, Jcs.canonicalize(event))) {
                    fail("governance: " + where + " event is not JCS canonical");
                    break;
                }
                JsonNode ev = JSON.readTree(canonical);
                if (ev.path("seq").asLong(-1) != seq) {
                    fail("governance: " + where + " has seq " + ev.path("seq").asText() + ", expected " + seq);
                    break;
                }
                if (!prevHash.equals(prev)) {
                    fail("governance: " + where + " (seq " + seq + ") prev_hash does not link to the previous event's hash");
                    break;
                }
                byte[] prevBytes = Codec.fromHex(prev, Hashes.SIZE);
                byte[] cat = new byte[prevBytes.length + canonical.length];
                System.arraycopy(prevBytes, 0, cat, 0, prevBytes.length);
                System.arraycopy(canonical, 0, cat, prevBytes.length, canonical.length);
                String computed = Codec.toHex(Hashes.sha256(cat));
                if (!computed.equals(hash)) {
                    fail("governance: " + where + " (seq " + seq + ") hash is not SHA-256(prev_hash || JCS(event))");
                    break;
                }
                prev = hash;
                seq++;
            } catch (IOException | RuntimeException e) {
                fail("governance: " + where + " is malformed (" + e.getMessage() + ")");
                break;
            }
        }
        long expected = pkg.path("governance").path("event_count").asLong(-1);
        if (failures.size() == before && expected != count) {
            fail("governance: " + count + " events, package.json says " + expected);
        }
        if (failures.size() == before) {
            ok("governance chain: " + count + " events linked from head " + head.path("size").asText() + " ("
                    + head.path("hash").asText().substring(0, Math.min(12, head.path("hash").asText().length())) + "…)");
        }
    }
}
