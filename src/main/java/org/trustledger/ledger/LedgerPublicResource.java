package org.trustledger.ledger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.NoteVerifier;

/**
 * Public, read-only ledger API: signing keys, the signed checkpoint, inclusion and consistency
 * proofs, and hash lookup. Proofs contain only hashes, so they need no login.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerPublicResource {

    private final EvidenceLedger ledger;
    private final LedgerKeys keys;
    private final LedgerCheckpoints checkpoints;
    private final HashLookup lookup;

    public LedgerPublicResource(EvidenceLedger ledger, LedgerKeys keys, LedgerCheckpoints checkpoints, HashLookup lookup) {
        this.ledger = ledger;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.lookup = lookup;
    }

    public record KeyView(String keyId, String algorithm, String publicKeyPem, String noteVerifierKey, Instant createdAt,
            Instant retiredAt) {
    }

    public record InclusionProof(long index, long treeSize, String leafHash, String rootHash, List<String> hashes) {
    }

    public record ConsistencyProof(long first, long second, String firstRoot, String secondRoot, List<String> hashes) {
    }

    @GET
    @Path("/keys")
    public List<KeyView> keys() {
        return keys.list().stream().map(k -> new KeyView(k.keyId(), k.algorithm(),
                Ed25519Keys.toSpkiPem(Ed25519Keys.publicKey(k.publicKey())),
                new NoteVerifier(k.origin(), k.publicKey()).encode(), k.createdAt(), k.retiredAt())).toList();
    }

    @GET
    @Path("/checkpoint")
    @Produces("text/plain; charset=utf-8")
    public Response checkpoint() {
        return Response.ok(checkpoints.latest().note()).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("/proofs/inclusion")
    public InclusionProof inclusion(@QueryParam("index") String indexParam, @QueryParam("tree_size") String sizeParam) {
        long current = ledger.head().treeSize();
        long size = QueryParams.nonNegative("tree_size", sizeParam, current);
        long index = QueryParams.nonNegative("index", indexParam, null);
        if (size > current) {
            throw QueryParams.invalid("tree_size", "exceeds the log's current size " + current);
        }
        if (index >= size) {
            throw QueryParams.invalid("index", "must be less than tree_size " + size);
        }
        StoredTree.Inclusion p = ledger.inclusion(index, size);
        return new InclusionProof(index, size, Codec.toHex(p.leafHash()), Codec.toHex(p.root()), hex(p.proof()));
    }

    @GET
    @Path("/proofs/consistency")
    public ConsistencyProof consistency(@QueryParam("first") String firstParam, @QueryParam("second") String secondParam) {
        long current = ledger.head().treeSize();
        long first = QueryParams.nonNegative("first", firstParam, null);
        long second = QueryParams.nonNegative("second", secondParam, current);
        if (second > current) {
            throw QueryParams.invalid("second", "exceeds the log's current size " + current);
        }
        if (first == 0) {
            throw QueryParams.invalid("first", "must be at least 1: consistency with the empty tree proves nothing");
        }
        if (first > second) {
            throw QueryParams.invalid("first", "must not exceed second");
        }
        StoredTree.Consistency p = ledger.consistency(first, second);
        return new ConsistencyProof(first, second, Codec.toHex(p.firstRoot()), Codec.toHex(p.secondRoot()), hex(p.proof()));
    }

    @GET
    @Path("/verify")
    public HashLookup.Verification verify(@QueryParam("sha256") String hashParam) {
        return lookup.lookup(QueryParams.sha256Hex("sha256", hashParam));
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Codec::toHex).toList();
    }
}
