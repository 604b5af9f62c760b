package org.trustledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.trustledger.tlog.CompactRange;
import org.trustledger.tlog.EvidenceLeaf;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.Rfc3339;

/**
 * The evidence log over plain JDBC, so that the application, tests with their own connection pools
 * and the benchmark all run the same append code. Callers own the transaction: every method works
 * on the given connection and never commits.
 *
 * <p>Appends are serialised by locking the single {@code ledger_head} row: a batch reads the size
 * and frontier under the lock, writes its leaves and the subtree nodes they complete, and moves the
 * head, all in the caller's transaction. Two instances appending at once therefore queue on the
 * row; the second sees the first's head after it commits, so indexes stay dense and the tree never
 * forks. Lock order is ledger_head before governance_head everywhere.
 */
public final class LedgerStore {

    private LedgerStore() {
    }

    /** The head row: log size, compact range and the lowest collected_at the next leaf may get. */
    public record Head(long treeSize, byte[] frontier, Instant collectedFloor) {
        public CompactRange range() {
            return CompactRange.decode(treeSize, frontier);
        }

        public byte[] root() {
            return range().root();
        }
    }

    /** A complete subtree an append finished: a ledger_node row to write. */
    private record Node(int level, long idx, byte[] hash) {
    }

    /** One stored leaf, for the entries API and the verifier. */
    public record Entry(long index, byte[] leafHash, byte[] canonical) {
    }

    public static Head head(Connection c, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tree_size, frontier, collected_floor FROM ledger_head" + (forUpdate ? " FOR UPDATE" : ""));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoredTree.CorruptLedgerException("ledger_head row is missing");
            }
            OffsetDateTime floor = rs.getObject(3, OffsetDateTime.class);
            return new Head(rs.getLong(1), rs.getBytes(2), floor == null ? null : floor.toInstant());
        }
    }

    static void writeHead(Connection c, long size, byte[] frontier, Instant floor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ledger_head SET tree_size = ?, frontier = ?, collected_floor = ?")) {
            ps.setLong(1, size);
            ps.setBytes(2, frontier);
            ps.setObject(3, floor == null ? null : OffsetDateTime.ofInstant(floor, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /**
     * Appends the items as the next leaves, in order, in the caller's transaction. Validates every
     * item first, so a bad item leaves nothing written. collected_at is assigned under the head lock
     * as max(now, floor), so it never decreases with the index and each UTC day's leaves form one
     * contiguous index range.
     */
    public static List<AppendedEvidence> append(Connection c, List<NewEvidence> items, Instant now, Predicate<String> knownControl)
            throws SQLException {
        if (items.isEmpty()) {
            return List.of();
        }
        List<byte[]> payloads = new ArrayList<>(items.size());
        for (NewEvidence item : items) {
            item.requireValid(knownControl);
            payloads.add(Jcs.canonicalize(item.payload()));
        }
        Head head = head(c, true);
        Instant collectedAt = Rfc3339.millis(now);
        if (head.collectedFloor() != null && head.collectedFloor().isAfter(collectedAt)) {
            collectedAt = head.collectedFloor();
        }
        CompactRange range = head.range();
        List<Node> nodes = new ArrayList<>(items.size() + 64);
        CompactRange.NodeVisitor toStore = (level, idx, hash) -> nodes.add(new Node(level, idx, hash));
        List<AppendedEvidence> out = new ArrayList<>(items.size());
        long endSize = head.treeSize() + items.size();
        OffsetDateTime collectedDb = OffsetDateTime.ofInstant(collectedAt, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO evidence (idx, id, collector, collected_at, observed_at, controls, status, summary,
                                      payload_sha256, canonical, leaf_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (int i = 0; i < items.size(); i++) {
                NewEvidence item = items.get(i);
                long index = head.treeSize() + i;
                UUID id = UUID.randomUUID();
                List<String> controls = item.controls().stream().sorted().toList();
                Instant observed = item.observedAt() == null ? null : Rfc3339.millis(item.observedAt());
                EvidenceLeaf.Canonical leaf = EvidenceLeaf.build(id, item.collector(), collectedAt, observed, controls,
                        item.status(), item.summary(), payloads.get(i));
                range.append(leaf.leafHash(), toStore);
                ps.setLong(1, index);
                ps.setObject(2, id);
                ps.setString(3, item.collector());
                ps.setObject(4, collectedDb);
                if (observed == null) {
                    ps.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(5, OffsetDateTime.ofInstant(observed, ZoneOffset.UTC));
                }
                ps.setArray(6, c.createArrayOf("text", controls.toArray()));
                ps.setString(7, item.status());
                ps.setString(8, item.summary());
                ps.setBytes(9, leaf.payloadSha256());
                ps.setBytes(10, leaf.bytes());
                ps.setBytes(11, leaf.leafHash());
                ps.addBatch();
                out.add(new AppendedEvidence(index, id, item.collector(), collectedAt, leaf.leafHash(), leaf.payloadSha256(), endSize));
            }
            ps.executeBatch();
        }
        if (!nodes.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_node (level, idx, hash) VALUES (?, ?, ?)")) {
                for (Node n : nodes) {
                    ps.setInt(1, n.level());
                    ps.setLong(2, n.idx());
                    ps.setBytes(3, n.hash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        writeHead(c, endSize, range.encode(), collectedAt);
        return out;
    }

    /** Leaves [start, end) in index order. */
    public static List<Entry> entries(Connection c, long start, long end) throws SQLException {
        List<Entry> out = new ArrayList<>((int) Math.max(0, Math.min(end - start, 1024)));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT idx, leaf_hash, canonical FROM evidence WHERE idx >= ? AND idx < ? ORDER BY idx")) {
            ps.setLong(1, start);
            ps.setLong(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
        }
        return out;
    }

    /** A leaf that matched a hash lookup, and which column matched. */
    public record Match(long index, byte[] leafHash, boolean byPayload, Instant collectedAt) {
    }

    /** Leaves whose payload_sha256 or leaf_hash equals {@code hash}, below {@code size}, first {@code limit} by index. */
    public static List<Match> findByHash(Connection c, byte[] hash, long size, int limit) throws SQLException {
        List<Match> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT idx, leaf_hash, payload_sha256 = ?, collected_at FROM evidence
                 WHERE (payload_sha256 = ? OR leaf_hash = ?) AND idx < ? ORDER BY idx LIMIT ?
                """)) {
            ps.setBytes(1, hash);
            ps.setBytes(2, hash);
            ps.setBytes(3, hash);
            ps.setLong(4, size);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Match(rs.getLong(1), rs.getBytes(2), rs.getBoolean(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }
}
