package org.trustledger.collect;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

@Path("/api/v1/frameworks/{id}/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    private final Coverage coverage;

    public CoverageResource(Coverage coverage) {
        this.coverage = coverage;
    }

    @GET
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public Coverage.Report coverage(@PathParam("id") String id) {
        return coverage.of(id).orElseThrow(() -> Problem.Exception.of(404, "No such framework; known: iso27001, soc2, gdpr."));
    }
}
