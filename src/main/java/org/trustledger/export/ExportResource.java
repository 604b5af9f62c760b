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
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

/** {@code POST /api/v1/exports}: the signed audit package of a framework and period, streamed as a zip. */
@Path("/api/v1/exports")
@RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
public class ExportResource {

    /** Longest period one package covers, in days (both ends included). */
    public static final int MAX_DAYS = 366;

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
        if (body.framework() == null || !AuditPackageWriter.FRAMEWORKS.contains(body.framework())) {
            throw Problem.Exception.of(400, "framework must be iso27001 or soc2.");
        }
        LocalDate from = date("from", body.from());
        LocalDate to = date("to", body.to());
        if (from.isAfter(to)) {
            throw Problem.Exception.of(422, "from must not be after to.");
        }
        if (to.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw Problem.Exception.of(422, "to must not be in the future (UTC).");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw Problem.Exception.of(422, "the period may cover at most " + MAX_DAYS + " days.");
        }
        AuditPackageWriter.Plan plan = writer.plan(body.framework(), from, to);
        String actor = identity.getPrincipal().getName();
        StreamingOutput out = os -> writer.write(plan, actor, os);
        String filename = "trustledger-" + body.framework() + "-" + from + "-" + to + ".zip";
        return Response.ok(out, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw Problem.Exception.of(400, field + " is required (YYYY-MM-DD).");
        }
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw Problem.Exception.of(400, field + " must be a date YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.Exception.of(400, field + " must be a date YYYY-MM-DD.");
        }
    }
}
