package org.trustledger.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;

/**
 * Staff handling of data-subject request cases. State changes take JSON only: a cross-site form cannot send it, so
 * with SameSite session cookies they need no CSRF token. The field rules are {@link DsrCases}', shared with the
 * console pages ({@link DsrCasePages}).
 */
@Path("/api/v1/dsr-cases")
@RolesAllowed({Role.PRIVACY, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DsrCaseResource {

    public record TransitionRequest(String to, String note) {
    }

    public record ExtendRequest(String reason) {
    }

    public record SearchRequest(String email) {
    }

    private final DsrCases cases;
    private final SecurityIdentity identity;

    public DsrCaseResource(DsrCases cases, SecurityIdentity identity) {
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    public List<DsrCases.CaseView> list(@QueryParam("status") String status, @QueryParam("jurisdiction") String jurisdiction) {
        return cases.list(status, jurisdiction);
    }

    @GET
    @Path("/{id}")
    public DsrCases.CaseDetail get(@PathParam("id") long id) {
        return cases.get(id).orElseThrow(() -> DomainException.notFound(DsrCaseRepository.NOT_FOUND));
    }

    @POST
    @Path("/{id}/transition")
    @Consumes(MediaType.APPLICATION_JSON)
    public DsrCases.CaseView transition(@PathParam("id") long id, @NotNull(message = "a JSON body is required") TransitionRequest body) {
        return cases.transition(id, body.to(), body.note(), actor());
    }

    @POST
    @Path("/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    public DsrCases.CaseView extend(@PathParam("id") long id, @NotNull(message = "a JSON body is required") ExtendRequest body) {
        return cases.extend(id, body.reason(), actor());
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<DsrCases.CaseView> search(@NotNull(message = "a JSON body is required") SearchRequest body) {
        return cases.search(body.email());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
