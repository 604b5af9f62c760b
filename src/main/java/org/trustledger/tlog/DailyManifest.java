package org.trustledger.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The daily manifest of UTC day {@code date}, the one definition of its fields, bytes and signature.
 *
 * <p>Its bytes are the JCS of {@code {"batch_root","checkpoint","date","first_index",
 * "governance_head":{"hash","size"},"key_id","previous_manifest_sha256","root_hash","tree_size"}}:
 * first_index is the number of leaves collected before the day, tree_size the number collected
 * before the next, root_hash the log root at tree_size, batch_root the RFC 6962 root of leaves
 * [first_index, tree_size) alone (SHA-256 of "" for a day without evidence), checkpoint the signed
 * note at tree_size, governance_head the event chain's size and last hash when the manifest was
 * made, and previous_manifest_sha256 the SHA-256 of the previous day's manifest bytes (64 zeros for
 * the first). The signature is Ed25519 over exactly those bytes, detached.
 *
 * <p>Hashes are held as lowercase hex, as they appear in the bytes, so a parsed manifest re-encodes
 * to what was parsed.
 */
public record DailyManifest(LocalDate date, long firstIndex, long treeSize, String rootHash, String batchRoot,
        String previousManifestSha256, long governanceSize, String governanceHash, String checkpoint, String keyId) {

    /** previous_manifest_sha256 of the first manifest: 64 zeros. */
    public static final String NO_PREVIOUS = "0".repeat(2 * Hashes.SIZE);

    /** Builds a manifest from raw hashes; {@code previousManifestSha256} null for the first manifest. */
    public static DailyManifest of(LocalDate date, long firstIndex, long treeSize, byte[] rootHash, byte[] batchRoot,
            byte[] previousManifestSha256, long governanceSize, byte[] governanceHash, String checkpoint, String keyId) {
        return new DailyManifest(date, firstIndex, treeSize, Codec.toHex(rootHash), Codec.toHex(batchRoot),
                previousManifestSha256 == null ? NO_PREVIOUS : Codec.toHex(previousManifestSha256), governanceSize,
                Codec.toHex(governanceHash), checkpoint, keyId);
    }

    /** The manifest as a JSON object, before canonicalisation. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("date", date.toString());
        o.put("first_index", firstIndex);
        o.put("tree_size", treeSize);
        o.put("root_hash", rootHash);
        o.put("batch_root", batchRoot);
        o.put("previous_manifest_sha256", previousManifestSha256);
        ObjectNode g = o.putObject("governance_head");
        g.put("size", governanceSize);
        g.put("hash", governanceHash);
        o.put("checkpoint", checkpoint);
        o.put("key_id", keyId);
        return o;
    }

    /** The manifest's bytes: what is stored, hashed into the next day's manifest and signed. */
    public byte[] canonicalBytes() {
        return Jcs.canonicalize(toJson());
    }

    /**
     * Reads the fields of a parsed manifest. Throws IllegalArgumentException when one is missing or of the
     * wrong type; whether the bytes were canonical is the caller's check (compare {@link #canonicalBytes()}).
     */
    public static DailyManifest fromJson(JsonNode m) {
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException("manifest is not a JSON object");
        }
        JsonNode gov = m.path("governance_head");
        try {
            return new DailyManifest(LocalDate.parse(text(m, "date")), number(m, "first_index"), number(m, "tree_size"),
                    text(m, "root_hash"), text(m, "batch_root"), text(m, "previous_manifest_sha256"), number(gov, "size"),
                    text(gov, "hash"), text(m, "checkpoint"), text(m, "key_id"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date is not a calendar date", e);
        }
    }

    /** Signs the manifest's bytes. */
    public byte[] sign(SigningKey key) {
        return key.sign(canonicalBytes());
    }

    /**
     * Checks a manifest signature over the manifest bytes as stored or shipped (not re-encoded, so a
     * manifest that is not canonical still fails on its own terms); throws VerificationException.
     */
    public static void verifySignature(Ed25519PublicKeyParameters key, byte[] body, byte[] signature) {
        Ed25519Keys.verify(key, body, signature);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.textValue();
    }

    private static long number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return v.longValue();
    }
}
