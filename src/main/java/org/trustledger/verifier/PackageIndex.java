package org.trustledger.verifier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/**
 * The package as the checks see it: the zip, one {@link FileState} per path (from package.json's listing and from the
 * single pass over the zip), and the few small files later checks need whole (manifests, their signatures, earlier
 * keys, the governance head). Evidence and proofs go to {@link EvidenceProofs} during the pass rather than being kept.
 */
final class PackageIndex {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern EVIDENCE = Pattern.compile("evidence/(0|[1-9][0-9]{0,18})\\.json");
    static final Pattern MANIFEST = Pattern.compile("manifests/([0-9]{4}-[0-9]{2}-[0-9]{2})\\.json");
    static final Pattern PROOF = Pattern.compile("proofs/(0|[1-9][0-9]{0,18})\\.json");
    static final Pattern KEY_FILE = Pattern.compile("keys/[0-9a-f]{64}\\.pem");
    static final String GOVERNANCE_HEAD = "governance/head-before.json";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    final ZipFile zip;
    private final Map<String, FileState> files = new HashMap<>();
    private final Map<String, byte[]> kept = new HashMap<>();

    PackageIndex(ZipFile zip) {
        this.zip = zip;
    }

    FileState file(String path) {
        return files.computeIfAbsent(path, p -> new FileState());
    }

    /** The state of {@code path}, or null when neither package.json nor the zip has it. */
    FileState get(String path) {
        return files.get(path);
    }

    /** A file kept whole by the pass, or null. */
    byte[] kept(String path) {
        return kept.get(path);
    }

    /** Every path package.json lists or the zip holds, sorted. */
    List<String> paths() {
        return files.keySet().stream().sorted().toList();
    }

    static boolean isListed(FileState f) {
        return f != null && f.listed;
    }

    /** One entry, inflated; for the few files read outside the pass. */
    byte[] read(String path) throws IOException {
        ZipEntry e = zip.getEntry(path);
        if (e == null || e.isDirectory()) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /**
     * package.json as a tree without its {@code files} array, whose entries go straight into the file index: a tree
     * node per file would cost more memory than everything else the verifier keeps.
     */
    JsonNode readPackageJson(byte[] bytes) throws IOException {
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
     * and hands each listed evidence item and its proof to {@code proofs} (null when there is no checkpoint to prove
     * against), which proves the pair as soon as both have been seen (the exporter writes them side by side, so almost
     * nothing waits). Every other entry is hashed as a stream; the governance events and SHA256SUMS checks read theirs
     * again as streams.
     */
    void pass(EvidenceProofs proofs, CheckReport report) throws IOException {
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
            boolean evidence = ev.matches() && proofs != null && f.listed;
            FileState provenEvidence = pf.matches() ? files.get("evidence/" + pf.group(1) + ".json") : null;
            boolean proof = proofs != null && isListed(provenEvidence);
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
                proofs.evidence(Long.parseLong(ev.group(1)), f, bytes);
            } else if (proof) {
                proofs.proof(Long.parseLong(pf.group(1)), provenEvidence, bytes);
            } else {
                kept.put(name, bytes);
            }
        }
        if (!duplicates.isEmpty()) {
            report.fail("zip", "duplicate entries " + duplicates);
        }
    }

    private void digest(ZipEntry e, FileState f) throws IOException {
        MessageDigest md = Hashes.newSha256();
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
}
