package org.trustledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.NoteVerifier;
import org.trustledger.tlog.SignedNote;
import org.trustledger.tlog.SigningKey;
import org.trustledger.tlog.VerificationException;

/**
 * The keys (each key_id is its key's, at most one current) and the issued checkpoints (signed by a
 * listed key, for the root recomputed from the leaves at their size).
 */
final class KeyCheck {

    private static final int FETCH = 5_000;

    private KeyCheck() {
    }

    static long keys(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
        int current = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id, public_key, retired_at FROM ledger_key ORDER BY created_at");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String keyId = rs.getString(1);
                byte[] pub = rs.getBytes(2);
                String where = "ledger_key key_id=" + keyId;
                try {
                    if (!SigningKey.keyIdOf(pub).equals(keyId)) {
                        throw new LedgerInconsistency("key_id_mismatch", where, "key_id is not the SHA-256 of the public key's SubjectPublicKeyInfo");
                    }
                } catch (IllegalArgumentException e) {
                    throw new LedgerInconsistency("key_invalid", where, e.getMessage());
                }
                if (rs.getObject(3) == null) {
                    current++;
                }
                facts.keys.put(keyId, pub);
            }
        }
        if (current > 1) {
            throw new LedgerInconsistency("keys_multiple_current", "ledger_key", current + " facts.keys are not retired");
        }
        return facts.keys.size();
    }

    static long checkpoints(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tree_size, root_hash, key_id, note FROM ledger_checkpoint ORDER BY tree_size")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long size = rs.getLong(1);
                    String where = "ledger_checkpoint tree_size=" + size;
                    Checkpoint cp = verifyNote(facts, rs.getString(4), rs.getString(3), "checkpoint", where);
                    if (cp.treeSize() != size || !Arrays.equals(cp.rootHash(), rs.getBytes(2))) {
                        throw new LedgerInconsistency("checkpoint_mismatch", where, "note text does not match the row's tree_size and root_hash");
                    }
                    if (size > facts.leafCount) {
                        throw new LedgerInconsistency("checkpoint_mismatch", where, "tree size beyond the log's " + facts.leafCount + " leaves");
                    }
                    if (!Arrays.equals(cp.rootHash(), facts.rootsAt.get(size))) {
                        throw new LedgerInconsistency("checkpoint_mismatch", where, "root differs from the root recomputed from the leaves");
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /** Verifies a checkpoint note with {@code keyId}'s key, or with whichever listed key signed it when null. */
    static Checkpoint verifyNote(LedgerFacts facts, String note, String keyId, String what, String where) throws LedgerInconsistency {
        List<byte[]> candidates = new ArrayList<>();
        if (keyId != null) {
            byte[] pub = facts.keys.get(keyId);
            if (pub == null) {
                throw new LedgerInconsistency(what + "_unknown_key", where, "signed by key " + keyId + ", which is not listed");
            }
            candidates.add(pub);
        } else {
            candidates.addAll(facts.keys.values());
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
        throw new LedgerInconsistency(what + "_signature_invalid", where, reason);
    }
}
