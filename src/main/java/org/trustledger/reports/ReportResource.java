package org.trustledger.reports;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR})
public class ReportResource {

    public record RenderRequest(
            @NotNull(message = "is required") @Pattern(regexp = "ropa|tia", message = "must be ropa or tia") String kind,
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be a vendor id") String vendor) {
    }

    private final ReportService reports;
    private final ReportStore store;
    private final SecurityIdentity identity;
    private final SoaRenderer soa;

    public ReportResource(ReportService reports, ReportStore store, SecurityIdentity identity, SoaRenderer soa) {
        this.reports = reports;
        this.store = store;
        this.identity = identity;
        this.soa = soa;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY})
    public Response render(@Valid @NotNull(message = "a JSON body is required") RenderRequest body) {
        ReportKind kind = ReportKind.valueOf(body.kind().toUpperCase(Locale.ROOT));
        if (kind == ReportKind.ROPA && body.vendor() != null) {
            throw Problem.Exception.of(422, "A RoPA covers the whole organisation; omit vendor.");
        }
        return Response.status(201).entity(reports.render(kind, Optional.ofNullable(body.vendor()), identity.getPrincipal().getName())).build();
    }

    @GET
    public List<Report> list(@QueryParam("kind") String kind, @QueryParam("limit") @DefaultValue("100") String limit) {
        if (kind != null && !kind.matches("ropa|tia")) {
            throw Problem.Exception.of(400, "kind must be ropa or tia.");
        }
        if (!limit.matches("[1-9][0-9]{0,2}") || Integer.parseInt(limit) > 500) {
            throw Problem.Exception.of(400, "limit must be a whole number from 1 to 500.");
        }
        return store.list(Optional.ofNullable(kind).map(k -> ReportKind.valueOf(k.toUpperCase(Locale.ROOT))), Integer.parseInt(limit));
    }

    @GET
    @Path("/{id}")
    public Report get(@PathParam("id") String id) {
        return store.find(parseId(id)).orElseThrow(() -> Problem.Exception.of(404, "No such report."));
    }

    /** The stored bytes, as a download: they are a print document, not a page of this site. */
    @GET
    @Path("/{id}/html")
    @Produces(MediaType.TEXT_HTML)
    public Response html(@PathParam("id") String id) {
        long reportId = parseId(id);
        Report meta = store.find(reportId).orElseThrow(() -> Problem.Exception.of(404, "No such report."));
        byte[] html = store.html(reportId).orElseThrow(() -> Problem.Exception.of(404, "No such report."));
        String filename = meta.kind() + "-" + meta.subject() + "-" + meta.period() + ".html";
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(meta.sha256())))
                .build();
    }

    /** The SoA (or criteria status) with internal detail: each collector's latest summary and ledger entry. */
    @GET
    @Path("/soa/{framework}")
    @Produces(MediaType.TEXT_HTML)
    public Response soa(@PathParam("framework") String framework) {
        byte[] html = soa.render(framework, true).orElseThrow(() -> Problem.Exception.of(404, "No such framework; known: iso27001, soc2, gdpr."));
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"soa-" + framework + "-internal.html\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static long parseId(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw Problem.Exception.of(404, "No such report.");
        }
        return Long.parseLong(id);
    }
}
