package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.trustledger.common.Role;
import org.trustledger.tlog.Codec;

/** Staff access to the raw log (so auditors can recompute every root), the full check, and governance events. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
public class LedgerStaffResource {

    static final int MAX_PAGE = 1000;

    private final EvidenceLedger ledger;
    private final GovernanceLog governance;
    private final LedgerVerification verification;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public LedgerStaffResource(EvidenceLedger ledger, GovernanceLog governance, LedgerVerification verification, SecurityIdentity identity,
            ObjectMapper mapper) {
        this.ledger = ledger;
        this.governance = governance;
        this.verification = verification;
        this.identity = identity;
        this.mapper = mapper;
    }

    public record EntryView(long index, String leafHash, String canonical) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record VerifyResult(boolean ok, Map<String, Long> checked, LedgerVerifier.Inconsistency problem) {
    }

    /** Leaves [start, end), end exclusive and clipped to the log size; at most 1000 per page. */
    @GET
    @Path("/ledger/entries")
    public List<EntryView> entries(@QueryParam("start") String startParam, @QueryParam("end") String endParam) {
        long start = QueryParams.nonNegative("start", startParam, 0L);
        long end = QueryParams.nonNegative("end", endParam, start + Math.min(MAX_PAGE, Long.MAX_VALUE - start));
        if (start > end) {
            throw QueryParams.invalid("start", "must not exceed end");
        }
        if (end - start > MAX_PAGE) {
            throw QueryParams.invalid("end", "a page holds at most " + MAX_PAGE + " entries");
        }
        return ledger.entries(start, end).stream()
                .map(e -> new EntryView(e.index(), Codec.toHex(e.leafHash()), Codec.toBase64(e.canonical()))).toList();
    }

    /** Full consistency check of the ledger database; answers the first inconsistency with its location. */
    @POST
    @Path("/ledger/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public VerifyResult verify() {
        LedgerVerifier.Result r = verification.run(identity.getPrincipal().getName()).result();
        return new VerifyResult(r.ok(), r.checked(), r.problem());
    }

    /** Governance events after seq {@code after} (exclusive), each the exact event object plus prev_hash and hash. */
    @GET
    @Path("/governance/events")
    public List<JsonNode> events(@QueryParam("after") String afterParam, @QueryParam("limit") String limitParam) {
        long after = afterParam == null ? -1 : QueryParams.nonNegative("after", afterParam, null);
        long limit = QueryParams.nonNegative("limit", limitParam, 100L);
        if (limit < 1 || limit > MAX_PAGE) {
            throw QueryParams.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        return governance.list(after, (int) limit).stream().map(e -> {
            try {
                ObjectNode o = (ObjectNode) mapper.readTree(e.canonical());
                o.put("prev_hash", Codec.toHex(e.prevHash()));
                o.put("hash", Codec.toHex(e.hash()));
                return (JsonNode) o;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }).toList();
    }
}
