package org.trustledger.export;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

/**
 * {@code POST /api/v1/exports}: the signed audit package of a framework and period, streamed as a zip while it is written
 * (for scripts). The console queues the same package as a background job instead ({@link ExportJobs}).
 */
@Path("/api/v1/exports")
@RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
public class ExportResource {

    public record ExportRequest(String framework, String from, String to) {
    }

    private final AuditPackageWriter writer;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ExportResource(AuditPackageWriter writer, SecurityIdentity identity, Clock clock) {
        this.writer = writer;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/zip", Problem.MEDIA_TYPE})
    public Response export(@NotNull(message = "a JSON body is required") ExportRequest body) {
        ExportPeriod period = ExportPeriod.of(body.framework(), body.from(), body.to(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        AuditPackageWriter.Plan plan = writer.plan(period.framework(), period.from(), period.to());
        String actor = identity.getPrincipal().getName();
        StreamingOutput out = os -> writer.write(plan, actor, os, PackageProgress.NONE);
        return Response.ok(out, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + period.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
