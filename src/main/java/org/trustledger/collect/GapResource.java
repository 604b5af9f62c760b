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
import java.util.List;
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

/** Staff API of the nonconformity register; the checks are the services', shared with the console's gap pages. */
@Path("/api/v1/gaps")
@Produces(MediaType.APPLICATION_JSON)
public class GapResource {

    private final Gaps gaps;
    private final GapBoard board;
    private final SecurityIdentity identity;

    public GapResource(Gaps gaps, GapBoard board, SecurityIdentity identity) {
        this.gaps = gaps;
        this.board = board;
        this.identity = identity;
    }

    public record GapDetail(Gap gap, List<Gap.Event> events) {
    }

    @GET
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public List<Gap> list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("framework") String framework, @QueryParam("control") String control, @QueryParam("assignee") String assignee,
            @QueryParam("source") String source, @QueryParam("sort") String sort, @QueryParam("dir") String dir,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int n = CollectorResource.limit(limit, 100);
        return board.search(new GapBoard.Query(status, severity, framework, control, assignee, source, sort, dir), offset(offset), n);
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
        return gaps.assignTo(CollectorResource.parseId(id, "gap"), body.assignee(), actor());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Gap close(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Requests.Close body) {
        return gaps.closeWithResolution(CollectorResource.parseId(id, "gap"), body.resolution(), actor());
    }

    /** How many gaps to skip: 0 to 1,000,000. */
    private static int offset(String text) {
        if (text == null) {
            return 0;
        }
        if (!text.matches("^\\d{1,7}$") || Integer.parseInt(text) > 1_000_000) {
            throw new Problem.Exception(Problem.invalid(400, "The query has invalid parameters.",
                    List.of(new Problem.FieldError("offset", "must be an integer from 0 to 1000000"))));
        }
        return Integer.parseInt(text);
    }

    private String actor() {
        return "staff:" + identity.getPrincipal().getName();
    }
}
