package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.CompactRange;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.Rfc3339;

/**
 * The leaves check: indexes are dense, each leaf hash is SHA-256(0x00 || canonical), the canonical
 * bytes are the JCS of an evidence item whose payload hash and columns agree with them, and
 * collected_at never decreases. On the way it records, in {@link LedgerFacts}, the roots at the tree
 * sizes later checks need and each day's leaves and batch root.
 */
final class LeafCheck {

    private static final Set<String> LEAF_MEMBERS = Set.of("collected_at", "collector", "controls", "id", "payload", "payload_sha256",
            "status", "summary");
    private static final int FETCH = 5_000;

    private LeafCheck() {
    }

    static long run(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tree_size FROM ledger_checkpoint UNION SELECT tree_size FROM ledger_manifest");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                facts.wantedSizes.add(rs.getLong(1));
            }
        }
        if (facts.wantedSizes.contains(0L)) {
            facts.rootsAt.put(0L, Hashes.emptyRoot());
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
                    String where = "evidence index " + facts.leafCount;
                    if (idx != facts.leafCount) {
                        throw new LedgerInconsistency("index_gap", where, "index " + facts.leafCount + " is missing; the next stored index is " + idx);
                    }
                    where = "evidence index " + idx;
                    byte[] canonical = rs.getBytes(10);
                    byte[] leafHash = rs.getBytes(11);
                    if (!MessageDigest.isEqual(Hashes.leafHash(canonical), leafHash)) {
                        throw new LedgerInconsistency("leaf_hash_mismatch", where, "SHA-256(0x00 || canonical) differs from the stored leaf_hash");
                    }
                    Instant collected = checkLeaf(rs, canonical, where);
                    if (facts.lastCollected != null && collected.isBefore(facts.lastCollected)) {
                        throw new LedgerInconsistency("collected_at_decreasing", where, "collected_at " + Rfc3339.format(collected)
                                + " is before the previous leaf's " + Rfc3339.format(facts.lastCollected));
                    }
                    facts.lastCollected = collected;
                    facts.range.append(leafHash);
                    facts.leafCount++;
                    if (facts.wantedSizes.contains(facts.leafCount)) {
                        facts.rootsAt.put(facts.leafCount, facts.range.root());
                    }
                    LocalDate d = collected.atOffset(ZoneOffset.UTC).toLocalDate();
                    if (!d.equals(day)) {
                        if (day != null) {
                            facts.batchRoots.put(day, dayRange.root());
                        }
                        day = d;
                        dayRange = new CompactRange();
                        facts.days.put(d, new long[] {idx, 0});
                    }
                    dayRange.append(leafHash);
                    facts.days.get(d)[1]++;
                }
            }
        }
        if (day != null) {
            facts.batchRoots.put(day, dayRange.root());
        }
        return facts.leafCount;
    }

    private static Instant checkLeaf(ResultSet rs, byte[] canonical, String where) throws SQLException, LedgerInconsistency {
        JsonNode leaf = CanonicalJson.parseCanonical(canonical, "leaf_not_canonical", where);
        Set<String> members = CanonicalJson.names(leaf);
        Set<String> expected = new HashSet<>(LEAF_MEMBERS);
        if (leaf.has("observed_at")) {
            expected.add("observed_at");
        }
        if (!members.equals(expected)) {
            throw new LedgerInconsistency("leaf_format", where, "members " + new TreeSet<>(members) + " are not the evidence item's");
        }
        JsonNode payload = leaf.get("payload");
        if (!payload.isObject()) {
            throw new LedgerInconsistency("leaf_format", where, "payload is not an object");
        }
        String payloadHex = Codec.toHex(Hashes.sha256(Jcs.canonicalize(payload)));
        if (!payloadHex.equals(leaf.get("payload_sha256").asText()) || !payloadHex.equals(Codec.toHex(rs.getBytes(9)))) {
            throw new LedgerInconsistency("payload_hash_mismatch", where, "SHA-256 of the canonical payload differs from payload_sha256");
        }
        Instant collected;
        try {
            collected = Rfc3339.parse(leaf.get("collected_at").asText());
            UUID id = UUID.fromString(leaf.get("id").asText());
            if (!id.toString().equals(leaf.get("id").asText())) {
                throw new IllegalArgumentException("id is not a lowercase UUID");
            }
            CanonicalJson.requireColumn(rs.getObject(2, UUID.class).equals(id), "id");
            CanonicalJson.requireColumn(rs.getObject(4, OffsetDateTime.class).toInstant().equals(collected), "collected_at");
            OffsetDateTime observedCol = rs.getObject(5, OffsetDateTime.class);
            Instant observed = leaf.has("observed_at") ? Rfc3339.parse(leaf.get("observed_at").asText()) : null;
            CanonicalJson.requireColumn(Objects.equals(observedCol == null ? null : observedCol.toInstant(), observed), "observed_at");
            CanonicalJson.requireColumn(CanonicalJson.text(leaf, "collector").equals(rs.getString(3)), "collector");
            CanonicalJson.requireColumn(CanonicalJson.text(leaf, "status").equals(rs.getString(7)), "status");
            CanonicalJson.requireColumn(CanonicalJson.text(leaf, "summary").equals(rs.getString(8)), "summary");
            List<String> controls = new ArrayList<>();
            for (JsonNode n : leaf.get("controls")) {
                controls.add(n.textValue());
            }
            List<String> sorted = new ArrayList<>(controls);
            sorted.sort(null);
            CanonicalJson.requireColumn(controls.equals(sorted), "controls (not sorted)");
            CanonicalJson.requireColumn(Arrays.equals((String[]) rs.getArray(6).getArray(), controls.toArray(new String[0])), "controls");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new LedgerInconsistency("leaf_column_mismatch", where, e.getMessage());
        }
        return collected;
    }
}
