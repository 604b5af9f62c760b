package org.trustledger.ledger;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.trustledger.common.Role;
import org.trustledger.tlog.Codec;
import org.trustledger.web.Problem;

/** Daily manifests: public reads of the exact sealed bytes, and sealing of past days by staff. */
@Path("/api/v1/manifests")
public class ManifestResource {

    static final int MAX_RANGE_DAYS = 366;

    private final LedgerManifests manifests;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ManifestResource(LedgerManifests manifests, SecurityIdentity identity, Clock clock) {
        this.manifests = manifests;
        this.identity = identity;
        this.clock = clock;
    }

    public record ManifestInfo(String date, long firstIndex, long treeSize, String sha256, String keyId, String signature,
            Instant sealedAt) {
        static ManifestInfo of(ManifestSealer.Manifest m) {
            return new ManifestInfo(m.day().toString(), m.firstIndex(), m.treeSize(), Codec.toHex(m.sha256()), m.keyId(),
                    Codec.toBase64(m.signature()), m.sealedAt());
        }
    }

    @GET
    @Path("/{date}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("date") String dateParam) {
        LocalDate day = QueryParams.date("date", dateParam);
        ManifestSealer.Manifest m = manifests.find(day);
        if (m == null) {
            return Problem.of(404, "No manifest has been sealed for " + day + ".").toResponse();
        }
        return bytes(200, m);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ManifestInfo> list(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        LocalDate to = toParam == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : QueryParams.date("to", toParam);
        LocalDate from = fromParam == null ? to.minusDays(30) : QueryParams.date("from", fromParam);
        if (from.isAfter(to)) {
            throw QueryParams.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
            throw QueryParams.invalid("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
        return manifests.list(from, to).stream().map(ManifestInfo::of).toList();
    }

    /** Seals a past day (and any unsealed day before it). 201 when this call sealed it, 200 when it already was. */
    @POST
    @Path("/{date}/seal")
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response seal(@PathParam("date") String dateParam) {
        LocalDate day = QueryParams.date("date", dateParam);
        try {
            ManifestSealer.Sealed s = manifests.seal(day, identity.getPrincipal().getName());
            return bytes(s.created().isEmpty() ? 200 : 201, s.manifest());
        } catch (ManifestSealer.DayNotEndedException | ManifestSealer.BeforeFirstManifestException e) {
            return Problem.of(409, e.getMessage()).toResponse();
        }
    }

    private static Response bytes(int status, ManifestSealer.Manifest m) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(m.body())
                .header("Digest", "sha-256=" + Codec.toBase64(m.sha256()))
                .header("TrustLedger-Signature", Codec.toBase64(m.signature()))
                .header("TrustLedger-Key-Id", m.keyId())
                .build();
    }
}
