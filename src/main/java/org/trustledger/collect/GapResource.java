package org.trustledger.collect;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.common.Role;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.staff.StaffAccounts;
import org.trustledger.web.Problem;

/** Staff API of the nonconformity register. */
@Path("/api/v1/gaps")
@Produces(MediaType.APPLICATION_JSON)
public class GapResource {

    private final Gaps gaps;
    private final ControlCatalog catalog;
    private final SecurityIdentity identity;
    private final StaffAccounts staffAccounts;

    public GapResource(Gaps gaps, ControlCatalog catalog, SecurityIdentity identity, StaffAccounts staffAccounts) {
        this.gaps = gaps;
        this.catalog = catalog;
        this.identity = identity;
        this.staffAccounts = staffAccounts;
    }

    public record GapDetail(Gap gap, List<Gap.Event> events) {
    }

    @GET
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public List<Gap> list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("control") String control, @QueryParam("source") String source, @QueryParam("limit") String limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (status != null && !List.of(Gap.OPEN, Gap.CLOSED).contains(status)) {
            errors.add(new Problem.FieldError("status", "must be open or closed"));
        }
        if (severity != null && Severity.parse(severity).isEmpty()) {
            errors.add(new Problem.FieldError("severity", "must be low, medium, high or critical"));
        }
        if (control != null && !catalog.isKnown(control)) {
            errors.add(new Problem.FieldError("control", "unknown control ID"));
        }
        if (source != null && (source.isEmpty() || source.length() > 200)) {
            errors.add(new Problem.FieldError("source", "must be 1-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new Problem.Exception(Problem.invalid(400, "The query has invalid parameters.", errors));
        }
        return gaps.list(status, severity, control, source, CollectorResource.limit(limit, 100));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public GapDetail get(@PathParam("id") String id) {
        long gid = CollectorResource.parseId(id, "gap");
        Gap g = gaps.get(gid).orElseThrow(() -> Problem.Exception.of(404, "No such gap."));
        return new GapDetail(g, gaps.events(gid));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Gap assign(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Requests.Assign body) {
        long gid = CollectorResource.parseId(id, "gap");
        if (gaps.get(gid).isEmpty()) {
            throw Problem.Exception.of(404, "No such gap.");
        }
        if (!enabledStaff(body.assignee())) {
            throw new Problem.Exception(Problem.invalid(422, "The assignee must be an enabled staff account.",
                    List.of(new Problem.FieldError("assignee", "no enabled staff account with this username"))));
        }
        return gaps.assign(gid, body.assignee(), actor()).orElseThrow(() -> Problem.Exception.of(404, "No such gap."));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Gap close(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Requests.Close body) {
        long gid = CollectorResource.parseId(id, "gap");
        Gaps.CloseOutcome outcome = gaps.closeByStaff(gid, body.resolution().strip(), actor());
        if (outcome instanceof Gaps.Closed c) {
            return c.gap();
        }
        if (outcome instanceof Gaps.AlreadyClosed) {
            throw Problem.Exception.of(409, "This gap is already closed.");
        }
        throw Problem.Exception.of(404, "No such gap.");
    }

    boolean enabledStaff(String username) {
        return staffAccounts.isEnabled(username);
    }

    private String actor() {
        return "staff:" + identity.getPrincipal().getName();
    }
}
