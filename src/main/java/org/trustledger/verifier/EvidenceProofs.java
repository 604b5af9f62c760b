package org.trustledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.MerkleVerifier;

/**
 * The evidence check: every leaf of the period is in the package and each is proven by its inclusion proof against
 * the checkpoint root. Proofs are checked during the pass over the zip, as each evidence item meets its proof, so
 * neither is kept; failures wait here for the report.
 */
final class EvidenceProofs {

    private record Failure(String where, String why) {
    }

    private final Checkpoint checkpoint;
    private final Map<Long, byte[]> leafAwaitingProof = new HashMap<>();
    private final Map<Long, byte[]> proofAwaitingLeaf = new HashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    EvidenceProofs(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** An evidence item met in the pass. */
    void evidence(long i, FileState f, byte[] bytes) {
        byte[] leafHash = Hashes.leafHash(bytes);
        byte[] waiting = proofAwaitingLeaf.remove(i);
        if (waiting != null) {
            prove(i, f, leafHash, waiting);
        } else {
            leafAwaitingProof.put(i, leafHash);
        }
    }

    /** The proof of evidence item {@code i}, met in the pass. */
    void proof(long i, FileState evidence, byte[] bytes) {
        byte[] leafHash = leafAwaitingProof.remove(i);
        if (leafHash != null) {
            prove(i, evidence, leafHash, bytes);
        } else {
            proofAwaitingLeaf.put(i, bytes);
        }
    }

    private void prove(long i, FileState evidence, byte[] leafHash, byte[] proofBytes) {
        evidence.proven = true;
        String where = "inclusion evidence/" + i + ".json";
        String pf = "proofs/" + i + ".json";
        try {
            JsonNode p = PackageIndex.JSON.readTree(proofBytes);
            if (p.path("index").asLong(-1) != i) {
                failures.add(new Failure(where, pf + " is the proof of index " + p.path("index").asText() + ", not " + i));
                return;
            }
            if (p.path("tree_size").asLong(-1) != checkpoint.treeSize()) {
                failures.add(new Failure(where, pf + " is for tree size " + p.path("tree_size").asText() + ", not the checkpoint's "
                        + checkpoint.treeSize()));
                return;
            }
            String stated = p.path("leaf_hash").asText();
            if (!Codec.toHex(leafHash).equals(stated)) {
                failures.add(new Failure(where, "SHA-256(0x00 || bytes) = " + Codec.toHex(leafHash) + " does not equal leaf_hash "
                        + stated + " in " + pf));
                return;
            }
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode h : p.path("hashes")) {
                hashes.add(Codec.fromHex(h.asText(), Hashes.SIZE));
            }
            MerkleVerifier.verifyInclusion(leafHash, i, checkpoint.treeSize(), hashes, checkpoint.rootHash());
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(where, pf + " does not prove it against the checkpoint root (" + e.getMessage() + ")"));
        }
    }

    /** After the pass: the period's leaves are all present and proven. */
    void check(JsonNode pkg, PackageIndex index, CheckReport report) {
        long first = pkg.path("first_index").asLong(-1);
        long count = pkg.path("evidence_count").asLong(-1);
        long size = checkpoint.treeSize();
        int before = report.failures();
        if (first < 0 || count < 0 || first + count != size) {
            report.fail("evidence", "first_index " + first + " + evidence_count " + count + " must equal the checkpoint's tree size " + size);
        }
        for (long i = Math.max(first, 0); i < size; i++) {
            if (!PackageIndex.isListed(index.get("evidence/" + i + ".json"))) {
                report.fail("evidence/" + i + ".json", "missing (the period covers leaves " + first + ".." + (size - 1) + ")");
            }
        }
        long listed = 0;
        for (String path : index.paths()) {
            Matcher m = PackageIndex.EVIDENCE.matcher(path);
            FileState f = index.get(path);
            if (!m.matches() || !f.listed) {
                continue;
            }
            listed++;
            if (!f.inZip) {
                report.fail(path, "missing");
            } else if (!f.proven) {
                report.fail("proofs/" + m.group(1) + ".json", "missing (inclusion proof of " + path + ")");
            }
        }
        failures.forEach(f -> report.fail(f.where(), f.why()));
        if (report.failures() == before) {
            report.ok(listed == 0 ? "evidence: the period has no evidence (evidence_count 0)"
                    : "inclusion: " + listed + " evidence items (leaves " + first + ".." + (size - 1) + ") proven against the checkpoint root");
        }
    }
}
