package org.trustledger.ledger;

import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.CompactRange;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Frontier;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.NoteVerifier;
import org.trustledger.tlog.Rfc3339;
import org.trustledger.tlog.SignedNote;
import org.trustledger.tlog.SigningKey;
import org.trustledger.tlog.VerificationException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The full consistency check of a ledger database, over plain JDBC so that it runs without CDI or
 * an HTTP server (see {@code TrustLedgerMain verify-ledger}). Everything is recomputed from the
 * leaves' canonical bytes and compared with what is stored; the first inconsistency stops the run
 * and is reported with its kind and location (table and index, level, seq or date).
 *
 * <p>Checks, in order: leaves (index density, leaf hash, payload hash, JCS form, columns agree with
 * the canonical bytes, collected_at never decreases), subtree hashes (exactly the complete subtrees,
 * each equal to the hash of its children), head (size, frontier, collected_floor), keys,
 * issued checkpoints (signature and root), the governance chain (density, JCS, links, hashes, head)
 * and manifests (every field recomputed, SHA-256, signature, chain of previous_manifest_sha256).
 *
 * <p>It runs in one REPEATABLE READ read-only transaction, so appends happening meanwhile are simply
 * not seen, and restores the connection's settings afterwards.
 */
public final class LedgerVerifier {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> LEAF_MEMBERS = Set.of("collected_at", "collector", "controls", "id", "payload", "payload_sha256",
            "status", "summary");
    private static final Set<String> EVENT_MEMBERS = Set.of("seq", "occurred_at", "kind", "actor", "subject", "details");
    private static final int FETCH = 5_000;

    /** The first inconsistency found. */
    public record Inconsistency(String kind, String location, String detail) {
    }

    /** {@code ok} with counts per check, or the first inconsistency. */
    public record Result(boolean ok, Map<String, Long> checked, Inconsistency problem) {
    }

    /** Told about each check as it finishes, e.g. to print one line per check. */
    public interface Listener {
        void passed(String check, long count);

        void failed(String check, Inconsistency problem);
    }

    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Inconsistency problem;

        Failure(String kind, String location, String detail) {
            super(kind, null, false, false);
            this.problem = new Inconsistency(kind, location, detail);
        }
    }

    private LedgerVerifier() {
    }

    public static Result verify(Connection c) throws SQLException {
        return verify(c, null);
    }

    public static Result verify(Connection c, Listener listener) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        boolean readOnly = c.isReadOnly();
        if (!autoCommit) {
            c.rollback();
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            return new Run(c, listener).run();
        } finally {
            c.rollback();
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private static final class Run {
        final Connection c;
        final Listener listener;
        final Map<String, Long> checked = new LinkedHashMap<>();

        // Gathered from the leaves for later checks.
        long leafCount;
        Frontier frontier = new Frontier();
        Instant lastCollected;
        final Set<Long> wantedSizes = new HashSet<>();
        final Map<Long, byte[]> rootsAt = new HashMap<>();
        final TreeMap<LocalDate, long[]> days = new TreeMap<>(); // day -> {first index, count}
        final Map<LocalDate, byte[]> batchRoots = new HashMap<>();
        final Map<String, byte[]> keys = new HashMap<>();

        Run(Connection c, Listener listener) {
            this.c = c;
            this.listener = listener;
        }

        Result run() throws SQLException {
            String current = "leaves";
            try {
                current = "leaves";
                pass(current, leaves());
                current = "subtree_hashes";
                pass(current, nodes());
                current = "head";
                pass(current, head());
                current = "keys";
                pass(current, keys());
                current = "checkpoints";
                pass(current, checkpoints());
                current = "governance_events";
                pass(current, governance());
                current = "manifests";
                pass(current, manifests());
                return new Result(true, checked, null);
            } catch (Failure f) {
                if (listener != null) {
                    listener.failed(current, f.problem);
                }
                return new Result(false, checked, f.problem);
            }
        }

        void pass(String check, long count) {
            checked.put(check, count);
            if (listener != null) {
                listener.passed(check, count);
            }
        }

        // ---- leaves -------------------------------------------------------------------------

        long leaves() throws SQLException, Failure {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tree_size FROM ledger_checkpoint UNION SELECT tree_size FROM ledger_manifest");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    wantedSizes.add(rs.getLong(1));
                }
            }
            if (wantedSizes.contains(0L)) {
                rootsAt.put(0L, Hashes.emptyRoot());
            }
            LocalDate day = null;
            CompactRange dayRange = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT idx, id, collector, collected_at, observed_at, controls, status, summary, payload_sha256, canonical, leaf_hash
                      FROM evidence ORDER BY idx
                    """)) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long idx = rs.getLong(1);
                        String where = "evidence index " + leafCount;
                        if (idx != leafCount) {
                            throw new Failure("index_gap", where, "index " + leafCount + " is missing; the next stored index is " + idx);
                        }
                        where = "evidence index " + idx;
                        byte[] canonical = rs.getBytes(10);
                        byte[] leafHash = rs.getBytes(11);
                        if (!MessageDigest.isEqual(Hashes.leafHash(canonical), leafHash)) {
                            throw new Failure("leaf_hash_mismatch", where, "SHA-256(0x00 || canonical) differs from the stored leaf_hash");
                        }
                        Instant collected = checkLeaf(rs, canonical, where);
                        if (lastCollected != null && collected.isBefore(lastCollected)) {
                            throw new Failure("collected_at_decreasing", where, "collected_at " + Rfc3339.format(collected)
                                    + " is before the previous leaf's " + Rfc3339.format(lastCollected));
                        }
                        lastCollected = collected;
                        frontier.append(leafHash, null);
                        leafCount++;
                        if (wantedSizes.contains(leafCount)) {
                            rootsAt.put(leafCount, frontier.root());
                        }
                        LocalDate d = collected.atOffset(ZoneOffset.UTC).toLocalDate();
                        if (!d.equals(day)) {
                            if (day != null) {
                                batchRoots.put(day, dayRange.root());
                            }
                            day = d;
                            dayRange = new CompactRange();
                            days.put(d, new long[] {idx, 0});
                        }
                        dayRange.append(leafHash);
                        days.get(d)[1]++;
                    }
                }
            }
            if (day != null) {
                batchRoots.put(day, dayRange.root());
            }
            return leafCount;
        }

        Instant checkLeaf(ResultSet rs, byte[] canonical, String where) throws SQLException, Failure {
            JsonNode leaf = parseCanonical(canonical, "leaf_not_canonical", where);
            Set<String> members = names(leaf);
            Set<String> expected = new HashSet<>(LEAF_MEMBERS);
            if (leaf.has("observed_at")) {
                expected.add("observed_at");
            }
            if (!members.equals(expected)) {
                throw new Failure("leaf_format", where, "members " + new TreeSet<>(members) + " are not the evidence item's");
            }
            JsonNode payload = leaf.get("payload");
            if (!payload.isObject()) {
                throw new Failure("leaf_format", where, "payload is not an object");
            }
            String payloadHex = Codec.toHex(Hashes.sha256(Jcs.canonicalize(payload)));
            if (!payloadHex.equals(leaf.get("payload_sha256").asText()) || !payloadHex.equals(Codec.toHex(rs.getBytes(9)))) {
                throw new Failure("payload_hash_mismatch", where, "SHA-256 of the canonical payload differs from payload_sha256");
            }
            Instant collected;
            try {
                collected = Rfc3339.parse(leaf.get("collected_at").asText());
                UUID id = UUID.fromString(leaf.get("id").asText());
                if (!id.toString().equals(leaf.get("id").asText())) {
                    throw new IllegalArgumentException("id is not a lowercase UUID");
                }
                requireColumn(rs.getObject(2, UUID.class).equals(id), "id");
                requireColumn(rs.getObject(4, OffsetDateTime.class).toInstant().equals(collected), "collected_at");
                OffsetDateTime observedCol = rs.getObject(5, OffsetDateTime.class);
                Instant observed = leaf.has("observed_at") ? Rfc3339.parse(leaf.get("observed_at").asText()) : null;
                requireColumn(Objects.equals(observedCol == null ? null : observedCol.toInstant(), observed), "observed_at");
                requireColumn(text(leaf, "collector").equals(rs.getString(3)), "collector");
                requireColumn(text(leaf, "status").equals(rs.getString(7)), "status");
                requireColumn(text(leaf, "summary").equals(rs.getString(8)), "summary");
                List<String> controls = new ArrayList<>();
                for (JsonNode n : leaf.get("controls")) {
                    controls.add(n.textValue());
                }
                List<String> sorted = new ArrayList<>(controls);
                sorted.sort(null);
                requireColumn(controls.equals(sorted), "controls (not sorted)");
                requireColumn(Arrays.equals((String[]) rs.getArray(6).getArray(), controls.toArray(new String[0])), "controls");
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Failure("leaf_column_mismatch", where, e.getMessage());
            }
            return collected;
        }

        // ---- subtree hashes ------------------------------------------------------------------

        long nodes() throws SQLException, Failure {
            long count = 0;
            int level = 1;
            long expectIdx = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT 1, n.idx, n.hash, a.leaf_hash, b.leaf_hash FROM ledger_node n
                      LEFT JOIN evidence a ON a.idx = 2 * n.idx LEFT JOIN evidence b ON b.idx = 2 * n.idx + 1
                     WHERE n.level = 1
                    UNION ALL
                    SELECT n.level, n.idx, n.hash, a.hash, b.hash FROM ledger_node n
                      LEFT JOIN ledger_node a ON a.level = n.level - 1 AND a.idx = 2 * n.idx
                      LEFT JOIN ledger_node b ON b.level = n.level - 1 AND b.idx = 2 * n.idx + 1
                     WHERE n.level >= 2
                    ORDER BY 1, 2
                    """)) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int l = rs.getInt(1);
                        long idx = rs.getLong(2);
                        while (l > level) {
                            requireLevelComplete(level, expectIdx);
                            level++;
                            expectIdx = 0;
                        }
                        String where = "ledger_node level=" + l + " idx=" + idx;
                        if (idx != expectIdx) {
                            String missing = "ledger_node level=" + l + " idx=" + expectIdx;
                            throw idx > expectIdx && expectIdx < (leafCount >>> l)
                                    ? new Failure("node_missing", missing, "complete subtree hash is not stored")
                                    : new Failure("node_unexpected", where, "no complete subtree has this position");
                        }
                        if (idx >= (leafCount >>> l)) {
                            throw new Failure("node_unexpected", where, "subtree is not complete in a log of " + leafCount + " leaves");
                        }
                        byte[] left = rs.getBytes(4);
                        byte[] right = rs.getBytes(5);
                        if (left == null || right == null || !MessageDigest.isEqual(Hashes.nodeHash(left, right), rs.getBytes(3))) {
                            throw new Failure("node_hash_mismatch", where, "does not equal the hash of its children (leaves "
                                    + (idx << l) + ".." + (((idx + 1) << l) - 1) + ")");
                        }
                        expectIdx++;
                        count++;
                    }
                }
            }
            while (level < 63 && (leafCount >>> level) > 0) {
                requireLevelComplete(level, expectIdx);
                level++;
                expectIdx = 0;
            }
            return count;
        }

        void requireLevelComplete(int level, long seen) throws Failure {
            if (seen != (leafCount >>> level)) {
                throw new Failure("node_missing", "ledger_node level=" + level + " idx=" + seen, "complete subtree hash is not stored");
            }
        }

        // ---- head ----------------------------------------------------------------------------

        long head() throws SQLException, Failure {
            LedgerStore.Head h = LedgerStore.head(c, false);
            if (h.treeSize() != leafCount) {
                throw new Failure("head_size_mismatch", "ledger_head", "tree_size " + h.treeSize() + " but " + leafCount + " leaves");
            }
            if (!Arrays.equals(h.frontier(), frontier.encode())) {
                throw new Failure("head_frontier_mismatch", "ledger_head", "frontier differs from the leaves' compact range");
            }
            if (lastCollected != null && (h.collectedFloor() == null || h.collectedFloor().isBefore(lastCollected))) {
                throw new Failure("head_floor_mismatch", "ledger_head", "collected_floor is before the last leaf's collected_at");
            }
            return 1;
        }

        // ---- keys ----------------------------------------------------------------------------

        long keys() throws SQLException, Failure {
            int current = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, public_key, retired_at FROM ledger_key ORDER BY created_at");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String keyId = rs.getString(1);
                    byte[] pub = rs.getBytes(2);
                    String where = "ledger_key key_id=" + keyId;
                    try {
                        if (!SigningKey.keyIdOf(pub).equals(keyId)) {
                            throw new Failure("key_id_mismatch", where, "key_id is not the SHA-256 of the public key's SubjectPublicKeyInfo");
                        }
                    } catch (IllegalArgumentException e) {
                        throw new Failure("key_invalid", where, e.getMessage());
                    }
                    if (rs.getObject(3) == null) {
                        current++;
                    }
                    keys.put(keyId, pub);
                }
            }
            if (current > 1) {
                throw new Failure("keys_multiple_current", "ledger_key", current + " keys are not retired");
            }
            return keys.size();
        }

        // ---- checkpoints ---------------------------------------------------------------------

        long checkpoints() throws SQLException, Failure {
            long count = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tree_size, root_hash, key_id, note FROM ledger_checkpoint ORDER BY tree_size")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long size = rs.getLong(1);
                        String where = "ledger_checkpoint tree_size=" + size;
                        Checkpoint cp = verifyNote(rs.getString(4), rs.getString(3), "checkpoint", where);
                        if (cp.treeSize() != size || !Arrays.equals(cp.rootHash(), rs.getBytes(2))) {
                            throw new Failure("checkpoint_mismatch", where, "note text does not match the row's tree_size and root_hash");
                        }
                        if (size > leafCount) {
                            throw new Failure("checkpoint_mismatch", where, "tree size beyond the log's " + leafCount + " leaves");
                        }
                        if (!Arrays.equals(cp.rootHash(), rootsAt.get(size))) {
                            throw new Failure("checkpoint_mismatch", where, "root differs from the root recomputed from the leaves");
                        }
                        count++;
                    }
                }
            }
            return count;
        }

        /** Verifies a checkpoint note with {@code keyId}'s key, or with whichever listed key signed it when null. */
        Checkpoint verifyNote(String note, String keyId, String what, String where) throws Failure {
            List<byte[]> candidates = new ArrayList<>();
            if (keyId != null) {
                byte[] pub = keys.get(keyId);
                if (pub == null) {
                    throw new Failure(what + "_unknown_key", where, "signed by key " + keyId + ", which is not listed");
                }
                candidates.add(pub);
            } else {
                candidates.addAll(keys.values());
            }
            int nl = note.indexOf('\n');
            String origin = nl < 0 ? "" : note.substring(0, nl);
            String reason = "no signature by a listed key";
            for (byte[] pub : candidates) {
                try {
                    String text = SignedNote.verify(note, new NoteVerifier(origin, pub));
                    return Checkpoint.parse(text);
                } catch (VerificationException e) {
                    reason = e.getMessage();
                    if (e.reason() != VerificationException.Reason.UNKNOWN_KEY) {
                        break;
                    }
                } catch (IllegalArgumentException e) {
                    reason = e.getMessage();
                    break;
                }
            }
            throw new Failure(what + "_signature_invalid", where, reason);
        }

        // ---- governance ----------------------------------------------------------------------

        final Map<Long, byte[]> eventHashes = new HashMap<>();
        final Set<Long> wantedEvents = new HashSet<>();

        long governance() throws SQLException, Failure {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM ledger_manifest"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        wantedEvents.add(STRICT.readTree(rs.getBytes(1)).path("governance_head").path("size").asLong() - 1);
                    } catch (IOException e) {
                        // reported by the manifest check
                    }
                }
            }
            long seqExpected = 0;
            byte[] prev = GovernanceChain.ZERO_HASH;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, occurred_at, kind, actor, subject, canonical, prev_hash, hash FROM governance_event ORDER BY seq")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        if (seq != seqExpected) {
                            throw new Failure("governance_gap", "governance_event seq=" + seqExpected,
                                    "event missing; the next stored seq is " + seq);
                        }
                        String where = "governance_event seq=" + seq;
                        byte[] canonical = rs.getBytes(6);
                        if (!Arrays.equals(rs.getBytes(7), prev)) {
                            throw new Failure("governance_chain_broken", where, "prev_hash is not the previous event's hash");
                        }
                        byte[] hash = GovernanceChain.chainHash(prev, canonical);
                        if (!MessageDigest.isEqual(hash, rs.getBytes(8))) {
                            throw new Failure("governance_hash_mismatch", where, "SHA-256(prev_hash || canonical) differs from the stored hash");
                        }
                        JsonNode e = parseCanonical(canonical, "governance_not_canonical", where);
                        if (!names(e).equals(EVENT_MEMBERS) || !e.get("details").isObject()) {
                            throw new Failure("governance_format", where, "members are not the event's");
                        }
                        boolean columns = e.get("seq").isIntegralNumber() && e.get("seq").asLong() == seq
                                && text(e, "occurred_at").equals(Rfc3339.format(rs.getObject(2, OffsetDateTime.class).toInstant()))
                                && text(e, "kind").equals(rs.getString(3))
                                && text(e, "actor").equals(rs.getString(4))
                                && Objects.equals(e.get("subject").isNull() ? null : e.get("subject").asText(), rs.getString(5));
                        if (!columns) {
                            throw new Failure("governance_column_mismatch", where, "columns differ from the canonical event");
                        }
                        if (wantedEvents.contains(seq)) {
                            eventHashes.put(seq, hash);
                        }
                        prev = hash;
                        seqExpected++;
                    }
                }
            }
            GovernanceChain.Head head = GovernanceChain.head(c, false);
            if (head.size() != seqExpected || !Arrays.equals(head.hash(), prev)) {
                throw new Failure("governance_head_mismatch", "governance_head", "head is not the last event");
            }
            return seqExpected;
        }

        // ---- manifests -----------------------------------------------------------------------

        long manifests() throws SQLException, Failure {
            long count = 0;
            byte[] previous = null;
            LocalDate previousDay = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT day, first_index, tree_size, body, sha256, key_id, signature FROM ledger_manifest ORDER BY day")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate day = rs.getObject(1, LocalDate.class);
                        String where = "ledger_manifest date=" + day;
                        byte[] body = rs.getBytes(4);
                        String keyId = rs.getString(6);
                        if (previousDay != null && !day.equals(previousDay.plusDays(1))) {
                            throw new Failure("manifest_chain_broken", where, "days are not consecutive: previous is " + previousDay);
                        }
                        if (!MessageDigest.isEqual(Hashes.sha256(body), rs.getBytes(5))) {
                            throw new Failure("manifest_hash_mismatch", where, "SHA-256 of the body differs from the stored sha256");
                        }
                        byte[] pub = keys.get(keyId);
                        if (pub == null) {
                            throw new Failure("manifest_unknown_key", where, "signed by key " + keyId + ", which is not listed");
                        }
                        try {
                            Ed25519Keys.verify(Ed25519Keys.publicKey(pub), body, rs.getBytes(7));
                        } catch (VerificationException e) {
                            throw new Failure("manifest_signature_invalid", where, e.getMessage());
                        }
                        JsonNode m = parseCanonical(body, "manifest_not_canonical", where);
                        String prevHex = previous == null ? ManifestSealer.NO_PREVIOUS : Codec.toHex(previous);
                        if (!prevHex.equals(m.path("previous_manifest_sha256").asText())) {
                            throw new Failure("manifest_chain_broken", where, "previous_manifest_sha256 is not the previous manifest's SHA-256");
                        }
                        checkManifestFields(day, m, rs.getLong(2), rs.getLong(3), keyId, prevHex, body, where);
                        previous = rs.getBytes(5);
                        previousDay = day;
                        count++;
                    }
                }
            }
            return count;
        }

        void checkManifestFields(LocalDate day, JsonNode m, long firstCol, long sizeCol, String keyId, String prevHex, byte[] body,
                String where) throws Failure {
            long first;
            long count;
            long[] stat = days.get(day);
            if (stat != null) {
                first = stat[0];
                count = stat[1];
            } else {
                Map.Entry<LocalDate, long[]> before = days.lowerEntry(day);
                first = before == null ? 0 : before.getValue()[0] + before.getValue()[1];
                count = 0;
            }
            long end = first + count;
            if (first != firstCol || end != sizeCol) {
                throw new Failure("manifest_mismatch", where, "stored first_index/tree_size differ from the leaves' (" + first + ", " + end + ")");
            }
            byte[] batchRoot = count == 0 ? Hashes.emptyRoot() : batchRoots.get(day);
            byte[] root = rootsAt.get(end);
            long govSize = m.path("governance_head").path("size").asLong(-1);
            byte[] govHash = govSize == 0 ? GovernanceChain.ZERO_HASH : eventHashes.get(govSize - 1);
            if (root == null || govHash == null) {
                throw new Failure("manifest_mismatch", where, root == null ? "tree_size " + end + " has no recomputed root"
                        : "governance_head does not name an existing event");
            }
            String note = m.path("checkpoint").asText();
            // The checkpoint at tree_size may have been issued (and signed) before a key change.
            Checkpoint cp = verifyNote(note, null, "manifest_checkpoint", where);
            if (cp.treeSize() != end || !Arrays.equals(cp.rootHash(), root)) {
                throw new Failure("manifest_mismatch", where, "checkpoint is not the log at tree_size " + end);
            }
            byte[] expected = Jcs.canonicalize(ManifestSealer.manifestObject(day, first, end, root, batchRoot, prevHex,
                    new GovernanceChain.Head(govSize, govHash), note, keyId));
            if (!Arrays.equals(expected, body)) {
                throw new Failure("manifest_mismatch", where, "fields differ from their recomputation: " + diff(expected, body));
            }
        }

        // ---- helpers -------------------------------------------------------------------------

        static JsonNode parseCanonical(byte[] bytes, String kind, String where) throws Failure {
            JsonNode node;
            try {
                node = STRICT.readTree(bytes);
            } catch (IOException e) {
                throw new Failure(kind, where, "not valid JSON");
            }
            if (node == null || !node.isObject()) {
                throw new Failure(kind, where, "not a JSON object");
            }
            byte[] again;
            try {
                again = Jcs.canonicalize(node);
            } catch (IllegalArgumentException e) {
                throw new Failure(kind, where, e.getMessage());
            }
            if (!Arrays.equals(again, bytes)) {
                throw new Failure(kind, where, "re-canonicalising changes the bytes");
            }
            return node;
        }

        static Set<String> names(JsonNode node) {
            Set<String> out = new HashSet<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                out.add(it.next());
            }
            return out;
        }

        static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException(field + " is not a string");
            }
            return v.textValue();
        }

        static void requireColumn(boolean ok, String field) {
            if (!ok) {
                throw new IllegalArgumentException("column " + field + " differs from the canonical leaf");
            }
        }

        static String diff(byte[] expected, byte[] actual) {
            try {
                JsonNode e = STRICT.readTree(expected);
                JsonNode a = STRICT.readTree(actual);
                List<String> fields = new ArrayList<>();
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!e.get(f).equals(a.get(f))) {
                        fields.add(f);
                    }
                }
                for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!e.has(f)) {
                        fields.add(f);
                    }
                }
                return String.join(", ", fields);
            } catch (IOException ex) {
                return new String(actual, StandardCharsets.UTF_8).length() + " bytes";
            }
        }
    }
}
