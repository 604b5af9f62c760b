package org.trustledger.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Rfc3339;

/** Whether a hash is in the log, with inclusion proofs to the latest checkpoint: the API and the verify page share it. */
@ApplicationScoped
public class HashLookup {

    /** Most leaves one lookup returns (the same payload may have been recorded often). */
    static final int MAX_MATCHES = 10;

    public record VerifiedEntry(long index, String leafHash, String matched, String collectedAt, List<String> inclusionProof) {
    }

    public record Verification(String sha256, boolean found, long treeSize, String rootHash, String checkpoint,
            List<VerifiedEntry> entries) {
    }

    private final EvidenceLedger ledger;
    private final LedgerCheckpoints checkpoints;

    public HashLookup(EvidenceLedger ledger, LedgerCheckpoints checkpoints) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
    }

    public Verification lookup(byte[] hash) {
        CheckpointStore.Issued cp = checkpoints.latest();
        List<VerifiedEntry> entries = new ArrayList<>();
        if (cp.treeSize() > 0) {
            for (LedgerStore.Match m : ledger.findByHash(hash, cp.treeSize(), MAX_MATCHES)) {
                entries.add(new VerifiedEntry(m.index(), Codec.toHex(m.leafHash()), m.byPayload() ? "payload_sha256" : "leaf_hash",
                        Rfc3339.format(m.collectedAt()),
                        ledger.inclusionProof(m.index(), cp.treeSize()).stream().map(Codec::toHex).toList()));
            }
        }
        return new Verification(Codec.toHex(hash), !entries.isEmpty(), cp.treeSize(), Codec.toHex(cp.rootHash()), cp.note(), entries);
    }
}
