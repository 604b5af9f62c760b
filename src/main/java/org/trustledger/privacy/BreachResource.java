package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;

/**
 * The breach register (GDPR Art. 33, 34). Privacy and admin staff write; compliance and auditors read.
 * Writes take JSON bodies only: a cross-site form cannot send one, so JSON-only writes with SameSite session
 * cookies need no CSRF token.
 */
@Path("/api/v1/breaches")
@RolesAllowed({Role.PRIVACY, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class BreachResource {

    /** A breach in lists: the stored fields and the state of each required notification. */
    public record BreachView(@JsonUnwrapped Breach breach, List<BreachDeadlines.Deadline> notifications) {
    }

    /** One breach with its notifications and its full revision history. */
    public record BreachDetail(@JsonUnwrapped Breach breach, List<BreachDeadlines.Deadline> notifications,
            List<RegisterHistory.Revision> history) {
    }

    private final Breaches breaches;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public BreachResource(Breaches breaches, RegisterHistory history, SecurityIdentity identity) {
        this.breaches = breaches;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<BreachView> list(@QueryParam("status") String status) {
        Instant now = breaches.now();
        return breaches.list(Fields.filter("status", status, Breach.Status.class)).stream()
                .map(b -> new BreachView(b, breaches.deadlines(b, now))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull Breaches.BreachRequest body) {
        Breach b = breaches.create(body, actor());
        return Response.created(URI.create("/api/v1/breaches/" + b.id())).entity(detail(b)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public BreachDetail get(@PathParam("id") String id) {
        return detail(breaches.find(Fields.id(id, Breaches.NOT_FOUND)).orElseThrow(() -> DomainException.notFound(Breaches.NOT_FOUND)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<RegisterHistory.Revision> history(@PathParam("id") String id) {
        List<RegisterHistory.Revision> revisions = history.history(RegisterHistory.Register.BREACH, Fields.id(id, Breaches.NOT_FOUND));
        if (revisions.isEmpty()) {
            throw DomainException.notFound(Breaches.NOT_FOUND);
        }
        return revisions;
    }

    /** Replaces the breach's descriptive fields (the body of a create); notifications and status have their own calls. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BreachDetail update(@PathParam("id") String id, @Valid @NotNull Breaches.BreachRequest body) {
        return detail(breaches.update(Fields.id(id, Breaches.NOT_FOUND), body, actor()));
    }

    @POST
    @Path("/{id}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public BreachDetail notification(@PathParam("id") String id, @Valid @NotNull Breaches.NotificationRequest body) {
        return detail(breaches.recordNotification(Fields.id(id, Breaches.NOT_FOUND), body, actor()));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public BreachDetail close(@PathParam("id") String id, @Valid @NotNull Breaches.NoteRequest body) {
        return detail(breaches.close(Fields.id(id, Breaches.NOT_FOUND), body, actor()));
    }

    private BreachDetail detail(Breach b) {
        return new BreachDetail(b, breaches.deadlines(b, breaches.now()), history.history(RegisterHistory.Register.BREACH, b.id()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
