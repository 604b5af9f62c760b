package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.trustledger.tlog.ChainHash;
import org.trustledger.tlog.ChainHashMismatchException;
import org.trustledger.tlog.Rfc3339;

/**
 * The governance chain: seqs are dense, each event links to the previous hash and hashes to its
 * stored hash ({@link ChainHash}), the canonical event agrees with its columns, and the head row is
 * the last event.
 */
final class GovernanceCheck {

    private static final Set<String> EVENT_MEMBERS = Set.of("seq", "occurred_at", "kind", "actor", "subject", "details");
    private static final int FETCH = 5_000;

    private GovernanceCheck() {
    }

    static long run(Connection c, LedgerFacts facts) throws SQLException, LedgerInconsistency {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM ledger_manifest"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    facts.wantedEvents.add(CanonicalJson.STRICT.readTree(rs.getBytes(1)).path("governance_head").path("size").asLong() - 1);
                } catch (IOException e) {
                    // reported by the manifest check
                }
            }
        }
        long seqExpected = 0;
        byte[] prev = ChainHash.zero();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, occurred_at, kind, actor, subject, canonical, prev_hash, hash FROM governance_event ORDER BY seq")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq != seqExpected) {
                        throw new LedgerInconsistency("governance_gap", "governance_event seq=" + seqExpected,
                                "event missing; the next stored seq is " + seq);
                    }
                    String where = "governance_event seq=" + seq;
                    byte[] canonical = rs.getBytes(6);
                    if (!Arrays.equals(rs.getBytes(7), prev)) {
                        throw new LedgerInconsistency("governance_chain_broken", where, "prev_hash is not the previous event's hash");
                    }
                    byte[] hash;
                    try {
                        hash = ChainHash.verify(prev, canonical, rs.getBytes(8));
                    } catch (ChainHashMismatchException e) {
                        throw new LedgerInconsistency("governance_hash_mismatch", where,
                                "SHA-256(prev_hash || canonical) differs from the stored hash: " + e.getMessage());
                    }
                    JsonNode e = CanonicalJson.parseCanonical(canonical, "governance_not_canonical", where);
                    if (!CanonicalJson.names(e).equals(EVENT_MEMBERS) || !e.get("details").isObject()) {
                        throw new LedgerInconsistency("governance_format", where, "members are not the event's");
                    }
                    boolean columns = e.get("seq").isIntegralNumber() && e.get("seq").asLong() == seq
                            && CanonicalJson.text(e, "occurred_at").equals(Rfc3339.format(rs.getObject(2, OffsetDateTime.class).toInstant()))
                            && CanonicalJson.text(e, "kind").equals(rs.getString(3))
                            && CanonicalJson.text(e, "actor").equals(rs.getString(4))
                            && Objects.equals(e.get("subject").isNull() ? null : e.get("subject").asText(), rs.getString(5));
                    if (!columns) {
                        throw new LedgerInconsistency("governance_column_mismatch", where, "columns differ from the canonical event");
                    }
                    if (facts.wantedEvents.contains(seq)) {
                        facts.eventHashes.put(seq, hash);
                    }
                    prev = hash;
                    seqExpected++;
                }
            }
        }
        GovernanceChain.Head head = GovernanceChain.head(c, false);
        if (head.size() != seqExpected || !Arrays.equals(head.hash(), prev)) {
            throw new LedgerInconsistency("governance_head_mismatch", "governance_head", "head is not the last event");
        }
        return seqExpected;
    }
}
