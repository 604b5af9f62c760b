package org.trustledger.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.tlog.Codec;

/**
 * The evidence log as other features use it: append items (collectors, reports, manual uploads)
 * and read leaves, roots and proofs. Appends join the caller's transaction if there is one.
 */
@ApplicationScoped
public class EvidenceLedger {

    private final DataSource dataSource;
    private final ControlCatalog catalog;
    private final GovernanceLog governance;
    private final Clock clock;

    public EvidenceLedger(DataSource dataSource, ControlCatalog catalog, GovernanceLog governance, Clock clock) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.governance = governance;
        this.clock = clock;
    }

    /**
     * Appends the items as the next leaves, in order, atomically. Throws
     * {@link NewEvidence.InvalidEvidenceException} (nothing written) if any item is invalid.
     */
    @Transactional
    public List<AppendedEvidence> append(List<NewEvidence> items) {
        try (Connection c = dataSource.getConnection()) {
            return LedgerStore.append(c, items, clock.instant(), catalog::isKnown);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append evidence", e);
        }
    }

    /** Appends one item submitted by a staff member and records who did, in one transaction. */
    @Transactional
    public AppendedEvidence submit(NewEvidence item, String actor) {
        AppendedEvidence a = append(List.of(item)).get(0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("index", a.index());
        details.put("id", a.id().toString());
        details.put("collector", a.collector());
        details.put("leaf_hash", Codec.toHex(a.leafHash()));
        details.put("payload_sha256", Codec.toHex(a.payloadSha256()));
        governance.record(GovernanceLog.EVIDENCE_SUBMITTED, actor, "evidence:" + a.index(), details);
        return a;
    }

    public LedgerStore.Head head() {
        return read(c -> LedgerStore.head(c, false));
    }

    public List<LedgerStore.Entry> entries(long start, long end) {
        return read(c -> LedgerStore.entries(c, start, end));
    }

    public byte[] root(long size) {
        return read(c -> StoredTree.root(c, size));
    }

    public StoredTree.Inclusion inclusion(long index, long size) {
        return read(c -> StoredTree.inclusion(c, index, size));
    }

    public StoredTree.Consistency consistency(long first, long second) {
        return read(c -> StoredTree.consistency(c, first, second));
    }

    public List<byte[]> inclusionProof(long index, long size) {
        return read(c -> StoredTree.inclusionProof(c, index, size));
    }

    public List<byte[]> consistencyProof(long first, long second) {
        return read(c -> StoredTree.consistencyProof(c, first, second));
    }

    public List<LedgerStore.Match> findByHash(byte[] hash, long size, int limit) {
        return read(c -> LedgerStore.findByHash(c, hash, size, limit));
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    <T> T read(SqlFunction<T> f) {
        try (Connection c = dataSource.getConnection()) {
            return f.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("ledger read failed", e);
        }
    }
}
