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
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;

/** The consent register (GDPR Art. 7). Privacy and admin staff write; compliance and auditors read. */
@Path("/api/v1/consents")
@RolesAllowed({Role.PRIVACY, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    public record ConsentDetail(@JsonUnwrapped Consent consent, List<RegisterHistory.Revision> history) {
    }

    private final Consents consents;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public ConsentResource(Consents consents, RegisterHistory history, SecurityIdentity identity) {
        this.consents = consents;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<Consent> list(@QueryParam("status") String status, @QueryParam("purpose_id") String purposeId) {
        return consents.list(status, purposeId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull Consents.ConsentRequest body) {
        Consent c = consents.create(body, actor());
        return Response.created(URI.create("/api/v1/consents/" + c.id())).entity(detail(c)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public ConsentDetail get(@PathParam("id") String id) {
        return detail(consents.find(Fields.id(id, Consents.NOT_FOUND)).orElseThrow(() -> DomainException.notFound(Consents.NOT_FOUND)));
    }

    /** Every revision, also of a deleted record. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<RegisterHistory.Revision> history(@PathParam("id") String id) {
        List<RegisterHistory.Revision> revisions = history.history(RegisterHistory.Register.CONSENT, Fields.id(id, Consents.NOT_FOUND));
        if (revisions.isEmpty()) {
            throw DomainException.notFound(Consents.NOT_FOUND);
        }
        return revisions;
    }

    /** Replaces every field (the body of a create; an absent status means active). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentDetail update(@PathParam("id") String id, @Valid @NotNull Consents.ConsentRequest body) {
        return detail(consents.update(Fields.id(id, Consents.NOT_FOUND), body, actor()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        consents.delete(Fields.id(id, Consents.NOT_FOUND), actor());
        return Response.noContent().build();
    }

    private ConsentDetail detail(Consent c) {
        return new ConsentDetail(c, history.history(RegisterHistory.Register.CONSENT, c.id()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
