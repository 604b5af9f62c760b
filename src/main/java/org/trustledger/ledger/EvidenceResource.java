package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.trustledger.common.Role;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Rfc3339;
import org.trustledger.web.Problem;

/** Manual evidence from staff. Collectors append through {@link EvidenceLedger} directly. */
@Path("/api/v1/evidence")
public class EvidenceResource {

    /** Only manual evidence may come from a person; collector IDs belong to the collectors. */
    static final String MANUAL = "manual";

    private final EvidenceLedger ledger;
    private final ControlCatalog catalog;
    private final SecurityIdentity identity;

    public EvidenceResource(EvidenceLedger ledger, ControlCatalog catalog, SecurityIdentity identity) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.identity = identity;
    }

    public record SubmitEvidence(String collector, List<String> controls, String status, String summary, JsonNode payload) {
    }

    public record Submitted(long index, String id, String leafHash, String payloadSha256, String collectedAt, long treeSize) {
    }

    @POST
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(SubmitEvidence req) {
        if (req == null) {
            return Problem.of(400, "A JSON object is required.").toResponse();
        }
        String collector = req.collector() == null ? MANUAL : req.collector();
        if (!MANUAL.equals(collector)) {
            return Problem.invalid(400, "The request has invalid fields.",
                    List.of(new Problem.FieldError("collector", "staff may only submit \"manual\" evidence"))).toResponse();
        }
        NewEvidence item = new NewEvidence(collector, req.controls(), req.status(), req.summary(), req.payload());
        List<NewEvidence.Violation> violations = item.violations(catalog::isKnown);
        if (!violations.isEmpty()) {
            return Problem.invalid(400, "The request has invalid fields.",
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.reason())).toList()).toResponse();
        }
        AppendedEvidence a = ledger.submit(item, identity.getPrincipal().getName());
        return Response.status(201).entity(new Submitted(a.index(), a.id().toString(), Codec.toHex(a.leafHash()),
                Codec.toHex(a.payloadSha256()), Rfc3339.format(a.collectedAt()), a.treeSize())).build();
    }
}
