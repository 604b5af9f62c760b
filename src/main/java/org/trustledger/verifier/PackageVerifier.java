package org.trustledger.verifier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.MerkleVerifier;
import org.trustledger.tlog.NoteVerifier;
import org.trustledger.tlog.SignedNote;

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
    private static final Pattern PROOF = Pattern.compile("proofs/(0|[1-9][0-9]{0,18})\\.json");
    private static final String GOVERNANCE_HEAD = "governance/head-before.json";
    private static final String GOVERNANCE_EVENTS = "governance/events.jsonl";
    private static final String SUMS = "SHA256SUMS";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_FILE = Pattern.compile("keys/[0-9a-f]{64}\\.pem");
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

    /**
     * What the verifier keeps of one file: its digest as package.json lists it, whether SHA256SUMS lists it, and what
     * the zip holds. One of these per file and nothing of the contents, so a package of any size verifies in memory
     * proportional to its number of files (about 250 bytes each).
     */
    private static final class FileState {
        boolean listed;
        byte[] listedSha256; // null when listed with something that is not a SHA-256 in hex
        long listedSize = -1;
        boolean inSums;
        boolean inZip;
        byte[] sha256;
        long size;
        boolean proven;
    }

    private final Map<String, FileState> files = new HashMap<>();
    private final Map<String, byte[]> kept = new HashMap<>();
    private final Map<Long, byte[]> leafAwaitingProof = new HashMap<>();
    private final Map<Long, byte[]> proofAwaitingLeaf = new HashMap<>();
    private final List<String> inclusionFailures = new ArrayList<>();
    private final Set<String> badKeyFiles = new HashSet<>();

    private FileState file(String path) {
        return files.computeIfAbsent(path, p -> new FileState());
    }

    private static boolean isListedEvidence(FileState f) {
        return f != null && f.listed;
    }

    /** One entry, inflated; for the few files read outside the pass. */
    private byte[] read(String path) throws IOException {
        ZipEntry e = zip.getEntry(path);
        if (e == null || e.isDirectory()) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private void verify(Path keyFile) throws IOException {
        byte[] packageJson = read("package.json");
        if (packageJson == null) {
            fail("package.json: missing");
            return;
        }
        JsonNode pkg;
        try {
            pkg = readPackageJson(packageJson);
        } catch (IOException e) {
            fail("package.json: not valid JSON (" + e.getMessage() + ")");
            return;
        }

        // 1. The key, package.json's signature and the checkpoint it carries.
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
        packageJson = null; // about 120 bytes per file: not needed any more
        Checkpoint checkpoint = checkCheckpoint(pkg, key);

        // 2. One pass: every entry inflated once, hashed, and evidence proven against the checkpoint on the way.
        pass(checkpoint);
        List<String> paths = files.keySet().stream().sorted().toList();

        // 3. Every file against package.json.
        int good = 0;
        int before = failures.size();
        for (String path : paths) {
            FileState f = files.get(path);
            if (!f.listed) {
                if (f.inZip && !META.contains(path)) {
                    fail("file " + path + ": in the zip but not listed in package.json");
                }
            } else if (!f.inZip) {
                fail("file " + path + ": listed in package.json but missing from the zip");
            } else if (!Arrays.equals(f.sha256, f.listedSha256)) {
                fail("file " + path + ": sha256 " + Codec.toHex(f.sha256) + " does not match package.json");
            } else if (f.size != f.listedSize) {
                fail("file " + path + ": size " + f.size + " does not match package.json");
            } else {
                good++;
            }
        }
        if (failures.size() == before) {
            ok("files: " + good + " files match their sha256 and size in package.json");
        }

        // 4. SHA256SUMS.
        checkSums(paths);

        // 5. Evidence and inclusion proofs.
        if (checkpoint != null) {
            checkEvidence(pkg, paths, checkpoint);
        }

        // 6. Manifests.
        checkManifests(paths, key, checkpoint);

        // 7. Governance chain.
        checkGovernance(pkg);
    }

    /**
     * package.json as a tree without its {@code files} array, whose entries go straight into the file index: a tree
     * node per file would cost more memory than everything else the verifier keeps.
     */
    private JsonNode readPackageJson(byte[] bytes) throws IOException {
        ObjectNode top = JSON.createObjectNode();
        boolean listing = false;
        try (JsonParser p = JSON.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object with a files array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("files") && value == JsonToken.START_ARRAY) {
                    listing = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode entry = JSON.readTree(p);
                        FileState f = file(entry.path("path").asText());
                        f.listed = true;
                        f.listedSha256 = sha256OrNull(entry.path("sha256").asText());
                        f.listedSize = entry.path("size").asLong(-1);
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new IOException("files must hold objects only");
                    }
                } else {
                    top.set(field, JSON.readTree(p));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IOException("trailing content after the object");
            }
        }
        if (!listing) {
            throw new IOException("not an object with a files array");
        }
        return top;
    }

    /** The digest package.json lists, or null (never matching) unless it is 64 lower-case hex digits as written. */
    private static byte[] sha256OrNull(String hex) {
        return SHA256_HEX.matcher(hex).matches() ? Codec.fromHex(hex, Hashes.SIZE) : null;
    }

    /**
     * Reads every entry once, in zip order: records its digest, keeps the few small files later checks need whole,
     * and proves each listed evidence item as soon as both it and its proof have been seen (the exporter writes them
     * side by side, so almost nothing waits). Every other entry is hashed as a stream; the governance events and
     * SHA256SUMS checks read theirs again as streams.
     */
    private void pass(Checkpoint checkpoint) throws IOException {
        List<String> duplicates = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (e.isDirectory()) {
                continue;
            }
            FileState f = file(name);
            if (f.inZip) {
                duplicates.add(name);
                continue;
            }
            f.inZip = true;
            Matcher ev = EVIDENCE.matcher(name);
            Matcher pf = PROOF.matcher(name);
            boolean evidence = ev.matches() && checkpoint != null && f.listed;
            FileState provenEvidence = pf.matches() ? files.get("evidence/" + pf.group(1) + ".json") : null;
            boolean proof = checkpoint != null && isListedEvidence(provenEvidence);
            boolean keep = name.equals(GOVERNANCE_HEAD) || MANIFEST.matcher(name).matches() || KEY_FILE.matcher(name).matches()
                    || (name.endsWith(".sig") && MANIFEST.matcher(name.substring(0, name.length() - 4)).matches());
            if (!evidence && !proof && !keep) {
                digest(e, f); // contents not needed: hashed as a stream, whatever its size
                continue;
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(e)) {
                bytes = in.readAllBytes();
            }
            f.sha256 = Hashes.sha256(bytes);
            f.size = bytes.length;
            if (evidence) {
                long i = Long.parseLong(ev.group(1));
                byte[] leafHash = Hashes.leafHash(bytes);
                byte[] waiting = proofAwaitingLeaf.remove(i);
                if (waiting != null) {
                    prove(i, f, leafHash, waiting, checkpoint);
                } else {
                    leafAwaitingProof.put(i, leafHash);
                }
            } else if (proof) {
                long i = Long.parseLong(pf.group(1));
                byte[] leafHash = leafAwaitingProof.remove(i);
                if (leafHash != null) {
                    prove(i, provenEvidence, leafHash, bytes, checkpoint);
                } else {
                    proofAwaitingLeaf.put(i, bytes);
                }
            } else {
                kept.put(name, bytes);
            }
        }
        if (!duplicates.isEmpty()) {
            fail("zip: duplicate entries " + duplicates);
        }
    }

    private void digest(ZipEntry e, FileState f) throws IOException {
        java.security.MessageDigest md = Hashes.newSha256();
        long size = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(e)) {
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
                size += n;
            }
        }
        f.sha256 = md.digest();
        f.size = size;
    }

    /** Checks one inclusion proof; a failure is kept for the inclusion section of the report. */
    private void prove(long i, FileState evidence, byte[] leafHash, byte[] proofBytes, Checkpoint cp) {
        evidence.proven = true;
        String ev = "evidence/" + i + ".json";
        String pf = "proofs/" + i + ".json";
        try {
            JsonNode p = JSON.readTree(proofBytes);
            if (p.path("index").asLong(-1) != i) {
                inclusionFailures.add("inclusion " + ev + ": " + pf + " is the proof of index " + p.path("index").asText() + ", not " + i);
                return;
            }
            if (p.path("tree_size").asLong(-1) != cp.treeSize()) {
                inclusionFailures.add("inclusion " + ev + ": " + pf + " is for tree size " + p.path("tree_size").asText()
                        + ", not the checkpoint's " + cp.treeSize());
                return;
            }
            if (!Codec.toHex(leafHash).equals(p.path("leaf_hash").asText())) {
                inclusionFailures.add("inclusion " + ev + ": SHA-256(0x00 || bytes) does not equal leaf_hash in " + pf);
                return;
            }
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode h : p.path("hashes")) {
                hashes.add(Codec.fromHex(h.asText(), Hashes.SIZE));
            }
            MerkleVerifier.verifyInclusion(leafHash, i, cp.treeSize(), hashes, cp.rootHash());
        } catch (IOException | RuntimeException e) {
            inclusionFailures.add("inclusion " + ev + ": " + pf + " does not prove it against the checkpoint root (" + e.getMessage() + ")");
        }
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

    /** SHA256SUMS, read as a stream against the digests of the pass. */
    private void checkSums(List<String> paths) throws IOException {
        ZipEntry entry = zip.getEntry(SUMS);
        if (entry == null) {
            fail("SHA256SUMS: missing");
            return;
        }
        int before = failures.size();
        int matched = 0;
        Set<String> missing = new HashSet<>();
        Lines lines;
        try (InputStream in = zip.getInputStream(entry)) {
            lines = new Lines(in);
            for (String line; (line = lines.next()) != null;) {
                if (line.isEmpty()) {
                    continue;
                }
                Matcher m = SUM_LINE.matcher(line);
                if (!m.matches()) {
                    fail("SHA256SUMS: malformed line '" + line + "'");
                    continue;
                }
                String path = m.group(2);
                FileState f = files.get(path);
                if (f == null || !f.inZip) {
                    if (!missing.add(path)) {
                        fail("SHA256SUMS: " + path + " listed twice");
                    } else {
                        fail("SHA256SUMS: " + path + " is missing from the zip");
                    }
                    continue;
                }
                if (f.inSums) {
                    fail("SHA256SUMS: " + path + " listed twice");
                    continue;
                }
                f.inSums = true;
                if (!Codec.toHex(f.sha256).equals(m.group(1))) {
                    fail("SHA256SUMS: " + path + " does not match its hash");
                } else {
                    matched++;
                }
            }
        }
        if (lines.endedWithoutNewline()) {
            fail("SHA256SUMS: does not end in a newline");
        }
        for (String path : paths) {
            FileState f = files.get(path);
            if (f.inZip && !f.inSums && !path.equals(SUMS)) {
                fail("SHA256SUMS: " + path + " is not listed");
            }
        }
        if (failures.size() == before) {
            ok("SHA256SUMS: " + matched + " files match");
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

    private void checkEvidence(JsonNode pkg, List<String> paths, Checkpoint cp) {
        long first = pkg.path("first_index").asLong(-1);
        long count = pkg.path("evidence_count").asLong(-1);
        int before = failures.size();
        if (first < 0 || count < 0 || first + count != cp.treeSize()) {
            fail("evidence: first_index " + first + " + evidence_count " + count + " must equal the checkpoint's tree size " + cp.treeSize());
        }
        for (long i = Math.max(first, 0); i < cp.treeSize(); i++) {
            if (!isListedEvidence(files.get("evidence/" + i + ".json"))) {
                fail("evidence/" + i + ".json: missing (the period covers leaves " + first + ".." + (cp.treeSize() - 1) + ")");
            }
        }
        long listed = 0;
        for (String path : paths) {
            Matcher m = EVIDENCE.matcher(path);
            FileState f = files.get(path);
            if (!m.matches() || !f.listed) {
                continue;
            }
            listed++;
            if (!f.inZip) {
                fail(path + ": missing");
            } else if (!f.proven) {
                fail("proofs/" + m.group(1) + ".json: missing (inclusion proof of " + path + ")");
            }
        }
        inclusionFailures.forEach(this::fail);
        if (failures.size() == before) {
            ok(listed == 0 ? "evidence: the period has no evidence (evidence_count 0)"
                    : "inclusion: " + listed + " evidence items (leaves " + first + ".." + (cp.treeSize() - 1)
                            + ") proven against the checkpoint root");
        }
    }

    private void checkManifests(List<String> paths, Ed25519PublicKeyParameters key, Checkpoint cp) {
        int before = failures.size();
        int n = 0;
        int byEarlierKeys = 0;
        String packageKeyId = Codec.toHex(Hashes.sha256(spkiDer(key)));
        String previousDate = null;
        byte[] previousBody = null;
        for (String path : paths) { // sorted by path, so by date
            Matcher m = MANIFEST.matcher(path);
            if (!m.matches() || !files.get(path).listed) {
                continue;
            }
            n++;
            byte[] body = kept.get(path);
            byte[] sig = kept.get(path + ".sig");
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
            String signer = man.path("key_id").asText();
            Ed25519PublicKeyParameters signerKey = signer.equals(packageKeyId) ? key : earlierKey(signer);
            if (sig == null) {
                fail("manifest " + path + ": signature " + path + ".sig missing");
            } else if (signerKey == null) {
                fail("manifest " + path + ": signed by key " + signer + ", neither the package key nor a key the package lists as keys/"
                        + signer + ".pem");
            } else {
                try {
                    Ed25519Keys.verify(signerKey, body, sig);
                    if (signerKey != key) {
                        byEarlierKeys++;
                    }
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
            ok(n == 0 ? "manifests: none sealed in the period" : "manifests: " + n + " signatures and previous_manifest_sha256 chain"
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
        FileState f = files.get(path);
        byte[] pem = kept.get(path);
        if (!KEY_FILE.matcher(path).matches() || f == null || !f.listed || pem == null) {
            return null;
        }
        try {
            Ed25519PublicKeyParameters k = Ed25519Keys.fromSpkiPem(new String(pem, StandardCharsets.US_ASCII));
            if (Codec.toHex(Hashes.sha256(spkiDer(k))).equals(keyId)) {
                return k;
            }
            if (badKeyFiles.add(path)) {
                fail(path + ": holds key " + Codec.toHex(Hashes.sha256(spkiDer(k))) + ", not the key its name says");
            }
        } catch (RuntimeException e) {
            if (badKeyFiles.add(path)) {
                fail(path + ": not an Ed25519 SubjectPublicKeyInfo PEM (" + e.getMessage() + ")");
            }
        }
        return null;
    }

    private void checkGovernance(JsonNode pkg) throws IOException {
        int before = failures.size();
        byte[] headBytes = kept.get(GOVERNANCE_HEAD);
        ZipEntry events = zip.getEntry(GOVERNANCE_EVENTS);
        if (headBytes == null || events == null) {
            fail("governance: governance/head-before.json or governance/events.jsonl missing");
            return;
        }
        JsonNode head = JSON.readTree(headBytes);
        long seq = head.path("size").asLong(-1);
        String prev = head.path("hash").asText();
        long count = 0;
        try (InputStream in = zip.getInputStream(events)) {
            Lines lines = new Lines(in);
            for (String line; (line = lines.next()) != null;) {
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

    /** The lines of a UTF-8 stream split at '\n' only (a '\r' stays in its line and so fails the format check). */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        private int pos;
        private int end;
        private boolean unterminated;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Whether the stream's last line had no '\n' (known once {@link #next} has returned null). */
        boolean endedWithoutNewline() {
            return unterminated;
        }

        /** The next line without its '\n', or null at the end (a last line without '\n' still counts). */
        String next() throws IOException {
            line.reset();
            while (true) {
                if (pos == end) {
                    end = in.read(buf);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        if (line.size() == 0) {
                            return null;
                        }
                        unterminated = true;
                        return line.toString(StandardCharsets.UTF_8);
                    }
                }
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                line.write(buf, start, pos - start);
                if (pos < end) {
                    pos++;
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }
}
