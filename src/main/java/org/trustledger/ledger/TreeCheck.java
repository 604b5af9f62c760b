package org.trustledger.ledger;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.trustledger.tlog.Hashes;

/**
 * The stored tree against the leaves: {@code ledger_node} holds exactly the complete subtrees, each
 * the hash of its children, and the head row holds the leaves' size and compact range.
 */
final class TreeCheck {

    private static final int FETCH = 5_000;

    private TreeCheck() {
    }

    static long nodes(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
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
                        requireLevelComplete(facts, level, expectIdx);
                        level++;
                        expectIdx = 0;
                    }
                    String where = "ledger_node level=" + l + " idx=" + idx;
                    if (idx != expectIdx) {
                        String missing = "ledger_node level=" + l + " idx=" + expectIdx;
                        throw idx > expectIdx && expectIdx < (facts.leafCount >>> l)
                                ? new LedgerInconsistency("node_missing", missing, "complete subtree hash is not stored")
                                : new LedgerInconsistency("node_unexpected", where, "no complete subtree has this position");
                    }
                    if (idx >= (facts.leafCount >>> l)) {
                        throw new LedgerInconsistency("node_unexpected", where, "subtree is not complete in a log of " + facts.leafCount + " leaves");
                    }
                    byte[] left = rs.getBytes(4);
                    byte[] right = rs.getBytes(5);
                    if (left == null || right == null || !MessageDigest.isEqual(Hashes.nodeHash(left, right), rs.getBytes(3))) {
                        throw new LedgerInconsistency("node_hash_mismatch", where, "does not equal the hash of its children (leaves "
                                + (idx << l) + ".." + (((idx + 1) << l) - 1) + ")");
                    }
                    expectIdx++;
                    count++;
                }
            }
        }
        while (level < 63 && (facts.leafCount >>> level) > 0) {
            requireLevelComplete(facts, level, expectIdx);
            level++;
            expectIdx = 0;
        }
        return count;
    }

    private static void requireLevelComplete(LedgerFacts facts, int level, long seen) throws LedgerInconsistency {
        if (seen != (facts.leafCount >>> level)) {
            throw new LedgerInconsistency("node_missing", "ledger_node level=" + level + " idx=" + seen, "complete subtree hash is not stored");
        }
    }

    // ---- head ----------------------------------------------------------------------------

    static long head(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
        LedgerStore.Head h = LedgerStore.head(c, false);
        if (h.treeSize() != facts.leafCount) {
            throw new LedgerInconsistency("head_size_mismatch", "ledger_head", "tree_size " + h.treeSize() + " but " + facts.leafCount + " leaves");
        }
        if (!Arrays.equals(h.frontier(), facts.range.encode())) {
            throw new LedgerInconsistency("head_frontier_mismatch", "ledger_head", "frontier differs from the leaves' compact range");
        }
        if (facts.lastCollected != null && (h.collectedFloor() == null || h.collectedFloor().isBefore(facts.lastCollected))) {
            throw new LedgerInconsistency("head_floor_mismatch", "ledger_head", "collected_floor is before the last leaf's collected_at");
        }
        return 1;
    }
}
