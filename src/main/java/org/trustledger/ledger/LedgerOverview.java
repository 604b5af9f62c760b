package org.trustledger.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.NoteVerifier;

/**
 * Read-only views of the ledger for the console: the current checkpoint with the time it was issued, the signing keys,
 * and the manifest state of a bounded window of days. Every query is a primary-key lookup or range (checkpoint by
 * tree size, manifests by day, the first leaf by index), so none grows with the million-leaf log.
 */
@ApplicationScoped
public class LedgerOverview {

    /** The signed checkpoint of the log as it is now. */
    public record CheckpointView(long treeSize, String rootHex, String keyId, Instant issuedAt, String note) {
    }

    /** A signing key; {@code current} is the one new checkpoints and manifests are signed with. */
    public record KeyView(String keyId, String origin, Instant createdAt, Instant retiredAt, boolean current, String noteVerifierKey) {
    }

    /** What a day is, manifest-wise. */
    public enum DayState {
        /** A manifest exists. */
        SEALED,
        /** Today (UTC): sealed after midnight. */
        OPEN,
        /** Ended, not sealed, and sealable now. */
        MISSING,
        /** Not sealed although later days are: the verification will say why. */
        HOLE;

        public boolean sealable() {
            return this == MISSING;
        }

        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One day of the window; {@code manifest} is null unless sealed. */
    public record Day(LocalDate day, DayState state, ManifestSealer.Manifest manifest) {

        public String sha256Hex() {
            return manifest == null ? null : Codec.toHex(manifest.sha256());
        }

        public long leaves() {
            return manifest == null ? 0 : manifest.treeSize() - manifest.firstIndex();
        }
    }

    /**
     * Days {@code from}..{@code to}, newest first, leaving out days before {@code firstDay} (the first sealed day or, before
     * any seal, the first day with evidence; null when there is neither): nothing before it can be sealed. {@code older}
     * says whether an earlier page has days.
     */
    public record Window(LocalDate from, LocalDate to, List<Day> days, boolean older, LocalDate firstDay) {
    }

    private final DataSource dataSource;
    private final LedgerCheckpoints checkpoints;
    private final LedgerKeys keys;

    public LedgerOverview(DataSource dataSource, LedgerCheckpoints checkpoints, LedgerKeys keys) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    /** The checkpoint for the current tree size (issued now if this size has none yet, as the public endpoint does). */
    public CheckpointView checkpoint() {
        CheckpointStore.Issued issued = checkpoints.latest();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT issued_at FROM ledger_checkpoint WHERE tree_size = ?")) {
            ps.setLong(1, issued.treeSize());
            try (ResultSet rs = ps.executeQuery()) {
                Instant at = rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
                return new CheckpointView(issued.treeSize(), Codec.toHex(issued.rootHash()), issued.keyId(), at, issued.note());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the checkpoint", e);
        }
    }

    /** The last sealed day, or null when nothing is sealed yet. */
    public LocalDate lastSealedDay() {
        return bounds().lastManifest();
    }

    public List<KeyView> keys() {
        String current = keys.current().keyId();
        return keys.list().stream().map(k -> new KeyView(k.keyId(), k.origin(), k.createdAt(), k.retiredAt(), k.keyId().equals(current),
                new NoteVerifier(k.origin(), k.publicKey()).encode())).toList();
    }

    private record Bounds(LocalDate firstManifest, LocalDate lastManifest, LocalDate firstLeaf) {
    }

    private Bounds bounds() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT (SELECT min(day) FROM ledger_manifest), (SELECT max(day) FROM ledger_manifest),
                               (SELECT collected_at FROM evidence WHERE idx = 0)
                        """);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime firstLeaf = rs.getObject(3, OffsetDateTime.class);
            return new Bounds(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                    firstLeaf == null ? null : firstLeaf.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the manifest bounds", e);
        }
    }

    /** {@code days} days ending {@code (page - 1) * days} days before {@code today}, newest first. */
    public Window window(LocalDate today, int page, int days) {
        LocalDate to = today.minusDays((long) (page - 1) * days);
        LocalDate from = to.minusDays(days - 1L);
        Bounds b = bounds();
        Map<LocalDate, ManifestSealer.Manifest> sealed = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (ManifestSealer.Manifest m : ManifestSealer.list(c, from, to)) {
                sealed.put(m.day(), m);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read manifests", e);
        }
        LocalDate earliest = earliest(b);
        List<Day> out = new ArrayList<>();
        for (LocalDate d = to; !d.isBefore(from); d = d.minusDays(1)) {
            if (d.isAfter(today) || (d.isBefore(today) && (earliest == null || d.isBefore(earliest)))) {
                continue;
            }
            ManifestSealer.Manifest m = sealed.get(d);
            out.add(new Day(d, m != null ? DayState.SEALED : state(d, today, b), m));
        }
        return new Window(from, to, out, earliest != null && earliest.isBefore(from), earliest);
    }

    /** The state of an unsealed day on or after the ledger's first day. */
    private static DayState state(LocalDate d, LocalDate today, Bounds b) {
        if (!d.isBefore(today)) {
            return DayState.OPEN;
        }
        return b.lastManifest() == null || d.isAfter(b.lastManifest()) ? DayState.MISSING : DayState.HOLE;
    }

    /** The first sealed day, or before any seal the first day with evidence (sealing always starts there). */
    private static LocalDate earliest(Bounds b) {
        if (b.firstManifest() == null) {
            return b.firstLeaf();
        }
        return b.firstLeaf() == null || b.firstManifest().isBefore(b.firstLeaf()) ? b.firstManifest() : b.firstLeaf();
    }
}
