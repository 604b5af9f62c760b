package org.trustledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.SigningKey;

/**
 * Issued checkpoints: the signed note for a tree size is made once and stored, so everyone who asks
 * for the same size gets byte-identical text, even after the signing key has changed.
 */
public final class CheckpointStore {

    private CheckpointStore() {
    }

    /** A signed checkpoint as stored. */
    public record Issued(long treeSize, byte[] rootHash, String keyId, String note) {
    }

    /** The checkpoint for the log's current size. */
    public static Issued latest(Connection c, SigningKey key, Instant now) throws SQLException {
        LedgerStore.Head head = LedgerStore.head(c, false);
        return at(c, head.treeSize(), head.root(), key, now);
    }

    /** The checkpoint for {@code size}, which must not exceed the log's size. */
    public static Issued at(Connection c, long size, SigningKey key, Instant now) throws SQLException {
        Issued existing = find(c, size);
        if (existing != null) {
            return existing;
        }
        return at(c, size, StoredTree.root(c, size), key, now);
    }

    private static Issued at(Connection c, long size, byte[] root, SigningKey key, Instant now) throws SQLException {
        Issued existing = find(c, size);
        if (existing != null) {
            return existing;
        }
        String note = key.signNote(new Checkpoint(key.origin(), size, root).toText());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ledger_checkpoint (tree_size, root_hash, key_id, note, issued_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tree_size) DO NOTHING
                """)) {
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setString(3, key.keyId());
            ps.setString(4, note);
            ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        // Another instance may have issued it first; theirs is the one everybody gets.
        return find(c, size);
    }

    public static Issued find(Connection c, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tree_size, root_hash, key_id, note FROM ledger_checkpoint WHERE tree_size = ?")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Issued(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4)) : null;
            }
        }
    }
}
