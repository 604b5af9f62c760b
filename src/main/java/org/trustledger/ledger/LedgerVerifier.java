package org.trustledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full consistency check of a ledger database, over plain JDBC so that it runs without CDI or
 * an HTTP server (see {@code TrustLedgerMain verify-ledger}). Everything is recomputed from the
 * leaves' canonical bytes with the hashing, proof and signature code of {@code tlog} and compared
 * with what is stored; the first inconsistency stops the run and is reported with its kind and
 * location (table and index, level, seq or date).
 *
 * <p>Checks, in order: leaves (index density, leaf hash, payload hash, JCS form, columns agree with
 * the canonical bytes, collected_at never decreases), subtree hashes (exactly the complete subtrees,
 * each equal to the hash of its children), head (size, compact range, collected_floor), keys,
 * issued checkpoints (signature and root), the governance chain (density, JCS, links, hashes, head)
 * and manifests (every field recomputed, SHA-256, signature, chain of previous_manifest_sha256).
 * Each check is its own class; what the leaves yield for later checks is gathered in
 * {@link LedgerFacts}.
 *
 * <p>It runs in one REPEATABLE READ read-only transaction, so appends happening meanwhile are simply
 * not seen, and restores the connection's settings afterwards.
 */
public final class LedgerVerifier {

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

    /** One check over the connection; returns how many items it checked. */
    @FunctionalInterface
    private interface Check {
        long run(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency;
    }

    private record Named(String name, Check check) {
    }

    private static final Named[] CHECKS = {
        new Named("leaves", LeafCheck::run),
        new Named("subtree_hashes", TreeCheck::nodes),
        new Named("head", TreeCheck::head),
        new Named("keys", KeyCheck::keys),
        new Named("checkpoints", KeyCheck::checkpoints),
        new Named("governance_events", GovernanceCheck::run),
        new Named("manifests", ManifestCheck::run),
    };

    private LedgerVerifier() {
    }

    /** The checks' names in the order they run: the keys of {@link Result#checked()} when all pass. */
    public static List<String> checkNames() {
        return Arrays.stream(CHECKS).map(Named::name).toList();
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
            return run(c, listener);
        } finally {
            c.rollback();
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private static Result run(Connection c, Listener listener) throws SQLException {
        Map<String, Long> checked = new LinkedHashMap<>();
        LedgerFacts facts = new LedgerFacts();
        for (Named n : CHECKS) {
            long count;
            try {
                count = n.check().run(c, facts);
            } catch (LedgerInconsistency f) {
                if (listener != null) {
                    listener.failed(n.name(), f.problem());
                }
                return new Result(false, checked, f.problem());
            }
            checked.put(n.name(), count);
            if (listener != null) {
                listener.passed(n.name(), count);
            }
        }
        return new Result(true, checked, null);
    }
}
