package org.trustledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.tlog.CompactRange;
import org.trustledger.tlog.DailyManifest;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Rfc3339;
import org.trustledger.tlog.SigningKey;

/**
 * Seals daily manifests over plain JDBC, in the caller's transaction; the manifest's fields, bytes
 * and signature are {@link DailyManifest}'s.
 *
 * <p>Sealing holds the ledger head lock, so it is serialised with appends and with other sealers:
 * the first sealer writes, later ones find the row and return it. Sealing D seals every missing
 * earlier day first (from the day after the last manifest, or from the first day with evidence), and
 * raises the head's collected_floor to the start of D+1 so no later leaf can fall into a sealed day.
 */
public final class ManifestSealer {

    private ManifestSealer() {
    }

    /** The day has not ended (by the sealer's clock), so its leaves are not final. */
    public static final class DayNotEndedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DayNotEndedException(String message) {
            super(message);
        }
    }

    /** The day lies before the first manifest, outside the chain of sealed days. */
    public static final class BeforeFirstManifestException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BeforeFirstManifestException(String message) {
            super(message);
        }
    }

    /** A stored manifest. */
    public record Manifest(LocalDate day, long firstIndex, long treeSize, byte[] body, byte[] sha256, String keyId, byte[] signature,
            Instant sealedAt) {
    }

    /** The outcome of a seal: the requested day's manifest and every manifest written on the way. */
    public record Sealed(Manifest manifest, List<Manifest> created) {
    }

    /** Receives each newly sealed manifest, in the same transaction (used to record governance events). */
    @FunctionalInterface
    public interface OnSealed {
        void sealed(Connection c, Manifest m) throws SQLException;
    }

    public static Sealed seal(Connection c, LocalDate day, SigningKey key, Instant now, OnSealed onSealed) throws SQLException {
        Manifest existing = find(c, day);
        if (existing != null) {
            return new Sealed(existing, List.of());
        }
        if (now.isBefore(startOf(day.plusDays(1)))) {
            throw new DayNotEndedException(day + " has not ended yet (UTC); it can be sealed from " + day.plusDays(1) + "T00:00:00Z");
        }
        LedgerStore.Head head = LedgerStore.head(c, true);
        existing = find(c, day); // a concurrent sealer may have finished while we waited for the lock
        if (existing != null) {
            return new Sealed(existing, List.of());
        }
        Manifest last = last(c);
        LocalDate from;
        if (last != null) {
            if (day.isBefore(last.day())) {
                throw new BeforeFirstManifestException(day + " precedes the first sealed day and cannot be sealed");
            }
            from = last.day().plusDays(1);
        } else {
            LocalDate firstLeafDay = firstLeafDay(c);
            from = firstLeafDay != null && firstLeafDay.isBefore(day) ? firstLeafDay : day;
        }
        List<Manifest> created = new ArrayList<>();
        byte[] previous = last == null ? null : last.sha256();
        for (LocalDate d = from; !d.isAfter(day); d = d.plusDays(1)) {
            Manifest m = build(c, d, head, previous, key, now);
            insert(c, m);
            created.add(m);
            previous = m.sha256();
            if (onSealed != null) {
                onSealed.sealed(c, m);
            }
        }
        Instant floor = startOf(day.plusDays(1));
        if (head.collectedFloor() == null || head.collectedFloor().isBefore(floor)) {
            LedgerStore.writeHead(c, head.treeSize(), head.frontier(), floor);
        }
        return new Sealed(created.get(created.size() - 1), created);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Manifest build(Connection c, LocalDate d, LedgerStore.Head head, byte[] previous, SigningKey key, Instant now)
            throws SQLException {
        long first = firstIndexAtOrAfter(c, startOf(d), head.treeSize());
        long end = firstIndexAtOrAfter(c, startOf(d.plusDays(1)), head.treeSize());
        byte[] batchRoot = batchRoot(c, first, end);
        byte[] root = end == head.treeSize() ? head.root() : StoredTree.root(c, end);
        CheckpointStore.Issued checkpoint = CheckpointStore.at(c, end, key, now);
        GovernanceChain.Head gov = GovernanceChain.head(c, true);
        DailyManifest manifest = DailyManifest.of(d, first, end, root, batchRoot, previous, gov.size(), gov.hash(), checkpoint.note(),
                key.keyId());
        byte[] body = manifest.canonicalBytes();
        return new Manifest(d, first, end, body, Hashes.sha256(body), key.keyId(), manifest.sign(key), Rfc3339.millis(now));
    }

    // Leaves are in collected_at order, so the first index at or after an instant is a day boundary.
    private static long firstIndexAtOrAfter(Connection c, Instant t, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT min(idx) FROM evidence WHERE collected_at >= ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? size : v;
            }
        }
    }

    static byte[] batchRoot(Connection c, long first, long end) throws SQLException {
        CompactRange range = new CompactRange();
        try (PreparedStatement ps = c.prepareStatement("SELECT leaf_hash FROM evidence WHERE idx >= ? AND idx < ? ORDER BY idx")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, first);
            ps.setLong(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    range.append(rs.getBytes(1));
                }
            }
        }
        if (range.size() != end - first) {
            throw new StoredTree.CorruptLedgerException("leaves " + first + ".." + (end - 1) + " are not all present");
        }
        return range.root();
    }

    private static LocalDate firstLeafDay(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT collected_at FROM evidence WHERE idx = 0");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : null;
        }
    }

    private static void insert(Connection c, Manifest m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ledger_manifest (day, first_index, tree_size, body, sha256, key_id, signature, sealed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            ps.setObject(1, m.day());
            ps.setLong(2, m.firstIndex());
            ps.setLong(3, m.treeSize());
            ps.setBytes(4, m.body());
            ps.setBytes(5, m.sha256());
            ps.setString(6, m.keyId());
            ps.setBytes(7, m.signature());
            ps.setObject(8, OffsetDateTime.ofInstant(m.sealedAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static final String COLUMNS = "day, first_index, tree_size, body, sha256, key_id, signature, sealed_at";

    public static Manifest find(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ledger_manifest WHERE day = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    public static List<Manifest> list(Connection c, LocalDate from, LocalDate to) throws SQLException {
        List<Manifest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM ledger_manifest WHERE day >= ? AND day <= ? ORDER BY day")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static Manifest last(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ledger_manifest ORDER BY day DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    private static Manifest read(ResultSet rs) throws SQLException {
        return new Manifest(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getBytes(4), rs.getBytes(5),
                rs.getString(6), rs.getBytes(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }
}
