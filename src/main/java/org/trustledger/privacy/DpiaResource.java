package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;

/** The DPIA register (GDPR Art. 35). Privacy and admin staff write and approve; compliance and auditors read. */
@Path("/api/v1/dpias")
@RolesAllowed({Role.PRIVACY, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DpiaResource {

    public record DpiaDetail(@JsonUnwrapped Dpia dpia, List<RegisterHistory.Revision> history) {
    }

    private final Dpias dpias;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public DpiaResource(Dpias dpias, RegisterHistory history, SecurityIdentity identity) {
        this.dpias = dpias;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<Dpia> list(@QueryParam("status") String status, @QueryParam("processing_activity_id") String activity) {
        return dpias.list(Fields.filter("status", status, Dpia.Status.class), Optional.ofNullable(activity).filter(a -> !a.isEmpty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull Dpias.DpiaRequest body) {
        Dpia d = dpias.create(body, actor());
        return Response.created(URI.create("/api/v1/dpias/" + d.id())).entity(detail(d)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public DpiaDetail get(@PathParam("id") String id) {
        return detail(dpias.find(Fields.id(id, Dpias.NOT_FOUND)).orElseThrow(() -> DomainException.notFound(Dpias.NOT_FOUND)));
    }

    /** Every revision, also of a deleted draft. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<RegisterHistory.Revision> history(@PathParam("id") String id) {
        List<RegisterHistory.Revision> revisions = history.history(RegisterHistory.Register.DPIA, Fields.id(id, Dpias.NOT_FOUND));
        if (revisions.isEmpty()) {
            throw DomainException.notFound(Dpias.NOT_FOUND);
        }
        return revisions;
    }

    /** Replaces the assessment (the body of a create) of a draft or a DPIA due for review. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DpiaDetail update(@PathParam("id") String id, @Valid @NotNull Dpias.DpiaRequest body) {
        return detail(dpias.update(Fields.id(id, Dpias.NOT_FOUND), body, actor()));
    }

    /** The signed-in member of staff approves; {@code next_review} is the date the assessment is due for review. */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public DpiaDetail approve(@PathParam("id") String id, @Valid @NotNull Dpias.ApproveRequest body) {
        return detail(dpias.approve(Fields.id(id, Dpias.NOT_FOUND), body, actor()));
    }

    /** Marks an approved DPIA as due for review, with the reason (e.g. the risk changed, Art. 35(11)). */
    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public DpiaDetail review(@PathParam("id") String id, @Valid @NotNull Dpias.ReviewRequest body) {
        return detail(dpias.requestReview(Fields.id(id, Dpias.NOT_FOUND), body, actor()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        dpias.delete(Fields.id(id, Dpias.NOT_FOUND), actor());
        return Response.noContent().build();
    }

    private DpiaDetail detail(Dpia d) {
        return new DpiaDetail(d, history.history(RegisterHistory.Register.DPIA, d.id()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
