package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

/**
 * The breach register (GDPR Art. 33, 34). Privacy and admin staff write; compliance and auditors read.
 * Writes take JSON bodies only (DESIGN §7, CSRF).
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

    public record NoteRequest(String note) {
    }

    private final Breaches breaches;
    private final RegisterHistory history;
    private final RegisterJson json;
    private final SecurityIdentity identity;

    public BreachResource(Breaches breaches, RegisterHistory history, RegisterJson json, SecurityIdentity identity) {
        this.breaches = breaches;
        this.history = history;
        this.json = json;
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
    public Response create(String body) throws JsonProcessingException {
        Breach b = breaches.create(json.read(body, Breaches.BreachRequest.class), actor());
        return Response.created(URI.create("/api/v1/breaches/" + b.id())).entity(detail(b)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public BreachDetail get(@PathParam("id") String id) {
        return detail(breaches.find(Fields.id(id, Breaches.NOT_FOUND)).orElseThrow(() -> Problem.Exception.of(404, Breaches.NOT_FOUND)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<RegisterHistory.Revision> history(@PathParam("id") String id) {
        List<RegisterHistory.Revision> revisions = history.history(RegisterHistory.Register.BREACH, Fields.id(id, Breaches.NOT_FOUND));
        if (revisions.isEmpty()) {
            throw Problem.Exception.of(404, Breaches.NOT_FOUND);
        }
        return revisions;
    }

    /** Replaces the breach's descriptive fields (the body of a create); notifications and status have their own calls. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BreachDetail update(@PathParam("id") String id, String body) throws JsonProcessingException {
        long breachId = Fields.id(id, Breaches.NOT_FOUND);
        return detail(breaches.update(breachId, json.read(body, Breaches.BreachRequest.class), actor()));
    }

    @POST
    @Path("/{id}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public BreachDetail notification(@PathParam("id") String id, String body) throws JsonProcessingException {
        long breachId = Fields.id(id, Breaches.NOT_FOUND);
        return detail(breaches.recordNotification(breachId, json.read(body, Breaches.NotificationRequest.class), actor()));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public BreachDetail close(@PathParam("id") String id, String body) throws JsonProcessingException {
        long breachId = Fields.id(id, Breaches.NOT_FOUND);
        Fields f = new Fields();
        String note = f.text("note", json.read(body, NoteRequest.class).note(), 2000, false);
        f.throwIfAny();
        return detail(breaches.close(breachId, note, actor()));
    }

    private BreachDetail detail(Breach b) {
        return new BreachDetail(b, breaches.deadlines(b, breaches.now()), history.history(RegisterHistory.Register.BREACH, b.id()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
