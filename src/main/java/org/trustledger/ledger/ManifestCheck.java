package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.trustledger.tlog.ChainHash;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.DailyManifest;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.VerificationException;

/**
 * The daily manifests: consecutive days, each body's SHA-256 and signature, the chain of
 * previous_manifest_sha256, and every field recomputed from the leaves, checkpoints and governance
 * chain into the {@link DailyManifest} bytes, which must equal the stored ones.
 */
final class ManifestCheck {

    private static final int FETCH = 5_000;

    private ManifestCheck() {
    }

    static long run(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
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
                        throw new LedgerInconsistency("manifest_chain_broken", where, "days are not consecutive: previous is " + previousDay);
                    }
                    if (!MessageDigest.isEqual(Hashes.sha256(body), rs.getBytes(5))) {
                        throw new LedgerInconsistency("manifest_hash_mismatch", where, "SHA-256 of the body differs from the stored sha256");
                    }
                    byte[] pub = facts.keys.get(keyId);
                    if (pub == null) {
                        throw new LedgerInconsistency("manifest_unknown_key", where, "signed by key " + keyId + ", which is not listed");
                    }
                    try {
                        DailyManifest.verifySignature(Ed25519Keys.publicKey(pub), body, rs.getBytes(7));
                    } catch (VerificationException e) {
                        throw new LedgerInconsistency("manifest_signature_invalid", where, e.getMessage());
                    }
                    JsonNode m = CanonicalJson.parseCanonical(body, "manifest_not_canonical", where);
                    String prevHex = previous == null ? DailyManifest.NO_PREVIOUS : Codec.toHex(previous);
                    if (!prevHex.equals(m.path("previous_manifest_sha256").asText())) {
                        throw new LedgerInconsistency("manifest_chain_broken", where, "previous_manifest_sha256 is not the previous manifest's SHA-256");
                    }
                    checkManifestFields(facts, day, m, rs.getLong(2), rs.getLong(3), keyId, prevHex, body, where);
                    previous = rs.getBytes(5);
                    previousDay = day;
                    count++;
                }
            }
        }
        return count;
    }

    private static void checkManifestFields(LedgerFacts facts, LocalDate day, JsonNode m, long firstCol, long sizeCol, String keyId, String prevHex, byte[] body,
            String where) throws LedgerInconsistency {
        long first;
        long count;
        long[] stat = facts.days.get(day);
        if (stat != null) {
            first = stat[0];
            count = stat[1];
        } else {
            Map.Entry<LocalDate, long[]> before = facts.days.lowerEntry(day);
            first = before == null ? 0 : before.getValue()[0] + before.getValue()[1];
            count = 0;
        }
        long end = first + count;
        if (first != firstCol || end != sizeCol) {
            throw new LedgerInconsistency("manifest_mismatch", where, "stored first_index/tree_size differ from the leaves' (" + first + ", " + end + ")");
        }
        byte[] batchRoot = count == 0 ? Hashes.emptyRoot() : facts.batchRoots.get(day);
        byte[] root = facts.rootsAt.get(end);
        long govSize = m.path("governance_head").path("size").asLong(-1);
        byte[] govHash = govSize == 0 ? ChainHash.zero() : facts.eventHashes.get(govSize - 1);
        if (root == null || govHash == null) {
            throw new LedgerInconsistency("manifest_mismatch", where, root == null ? "tree_size " + end + " has no recomputed root"
                    : "governance_head does not name an existing event");
        }
        String note = m.path("checkpoint").asText();
        // The checkpoint at tree_size may have been issued (and signed) before a key change.
        Checkpoint cp = KeyCheck.verifyNote(facts, note, null, "manifest_checkpoint", where);
        if (cp.treeSize() != end || !Arrays.equals(cp.rootHash(), root)) {
            throw new LedgerInconsistency("manifest_mismatch", where, "checkpoint is not the log at tree_size " + end);
        }
        byte[] expected = new DailyManifest(day, first, end, Codec.toHex(root), Codec.toHex(batchRoot), prevHex, govSize,
                Codec.toHex(govHash), note, keyId).canonicalBytes();
        if (!Arrays.equals(expected, body)) {
            throw new LedgerInconsistency("manifest_mismatch", where, "fields differ from their recomputation: " + CanonicalJson.diff(expected, body));
        }
    }
}
