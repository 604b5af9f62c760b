package org.trustledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Checkpoint;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.NoteVerifier;
import org.trustledger.tlog.SignedNote;

/** The checkpoint in package.json: a signed note by the package key, for the tree size and root package.json states. */
final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /** The verified checkpoint, or null after a failure (then no evidence can be proven). */
    static Checkpoint check(JsonNode pkg, Ed25519PublicKeyParameters key, CheckReport report) {
        String note = pkg.path("checkpoint").asText("");
        int nl = note.indexOf('\n');
        if (nl <= 0) {
            report.fail("checkpoint", "package.json has no checkpoint note");
            return null;
        }
        try {
            String origin = note.substring(0, nl);
            String text = SignedNote.verify(note, new NoteVerifier(origin, key.getEncoded()));
            Checkpoint cp = Checkpoint.parse(text);
            report.ok("checkpoint signature (signed note by " + origin + "), tree size " + cp.treeSize());
            if (cp.treeSize() != pkg.path("tree_size").asLong(-1)) {
                report.fail("checkpoint", "tree size " + cp.treeSize() + " differs from package.json tree_size");
            }
            if (!Codec.toHex(cp.rootHash()).equals(pkg.path("root_hash").asText())) {
                report.fail("checkpoint", "root hash differs from package.json root_hash");
            }
            return cp;
        } catch (RuntimeException e) {
            report.fail("checkpoint", e.getMessage());
            return null;
        }
    }
}
