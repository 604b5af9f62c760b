package org.trustledger.reports;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustledger.common.ByteSize;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.Vendor;
import org.trustledger.web.CspNonce;
import org.trustledger.web.Pager;
import org.trustledger.web.Problem;

/**
 * {@code /staff/reports}: the RoPA, TIA and SoA renderings kept so far, "render now" for each kind, and each rendering
 * as a page of facts, as the document itself and as a download of the exact recorded bytes. Roles as
 * {@link ReportResource}: every staff role reads, admin, compliance and privacy render.
 */
@Path("/staff/reports")
public class ReportsPages {

    static final int PAGE_SIZE = 25;

    /** One rendering in the list. */
    public record Row(long id, String title, String subject, String period, Instant generatedAt, String generatedBy, String sha256,
            String size) {
    }

    /** A choice of a select field. */
    public record Option(String value, String label) {
    }

    /** What the render forms hold: the kind submitted, the vendor (TIA) and the framework (SoA). */
    public record RenderForm(String kind, String vendor, String framework) {
        static final RenderForm EMPTY = new RenderForm(null, null, null);
    }

    /** A render form's errors, by field. */
    public record RenderErrors(String kind, String vendor, String framework) {
        static final RenderErrors NONE = new RenderErrors(null, null, null);
    }

    @CheckedTemplate(basePath = "console/reports", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance list(List<Row> rows, Pager pager, boolean canRender, List<Option> vendors, List<Option> frameworks,
                RenderForm form, RenderErrors errors, String notice);

        static native TemplateInstance report(Row report, String kind);
    }

    private static final String[] RENDERERS = {Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY};

    private final ReportService reports;
    private final ReportStore store;
    private final ReportRenderer renderer;
    private final ControlCatalog catalog;
    private final SystemDescription system;
    private final SecurityIdentity identity;

    public ReportsPages(ReportService reports, ReportStore store, ReportRenderer renderer, ControlCatalog catalog, SystemDescription system,
            SecurityIdentity identity) {
        this.reports = reports;
        this.store = store;
        this.renderer = renderer;
        this.catalog = catalog;
        this.system = system;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("page") String page, @QueryParam("rendered") String rendered, @Context UriInfo uri) {
        String notice = rendered != null && rendered.matches("[0-9]{1,4}")
                ? (rendered.equals("1") ? "Rendered 1 report." : "Rendered " + rendered + " reports.") : null;
        return listPage(Pager.page(page), uri, RenderForm.EMPTY, RenderErrors.NONE, notice);
    }

    /** "Render now": one form per kind; the TIA form may name one vendor, the SoA form names its framework. */
    @POST
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response render(@FormParam("kind") String kind, @FormParam("vendor") String vendor, @FormParam("framework") String framework,
            @Context UriInfo uri) {
        RenderForm form = new RenderForm(kind, vendor, framework);
        if (kind == null || !kind.matches("ropa|tia|soa")) {
            return invalid(400, uri, form, new RenderErrors("must be ropa, tia or soa", null, null));
        }
        ReportKind k = ReportKind.valueOf(kind.toUpperCase(Locale.ROOT));
        Optional<String> subject = switch (k) {
            case ROPA -> Optional.empty();
            case TIA -> Optional.ofNullable(vendor).filter(v -> !v.isEmpty());
            case SOA -> Optional.ofNullable(framework).filter(f -> !f.isEmpty());
        };
        try {
            int n = reports.render(k, subject, identity.getPrincipal().getName()).size();
            return Response.seeOther(URI.create("/staff/reports?rendered=" + n)).build();
        } catch (DomainException e) {
            String reason = e.violations().isEmpty() ? e.getMessage() : e.violations().get(0).reason();
            RenderErrors errors = k == ReportKind.SOA ? new RenderErrors(null, null, reason)
                    : k == ReportKind.TIA ? new RenderErrors(null, reason, null) : new RenderErrors(reason, null, null);
            return invalid(e.kind() == DomainException.Kind.INVALID ? 400 : 422, uri, form, errors);
        }
    }

    @GET
    @Path("/{reportId}")
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@PathParam("reportId") String reportId) {
        Report r = find(reportId);
        return Templates.report(row(r), r.kind());
    }

    /**
     * The rendering as a document in the browser. It carries its own print styles in a {@code <style>} element, which
     * the Content-Security-Policy allows only with this response's nonce: the nonce is added to that one element we
     * generated ourselves. The download below serves the recorded bytes unchanged.
     */
    @GET
    @Path("/{reportId}/document")
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public Response document(@PathParam("reportId") String reportId, @Context RoutingContext ctx) {
        long id = find(reportId).id();
        String html = new String(store.html(id).orElseThrow(ReportsPages::noSuchReport), StandardCharsets.UTF_8);
        int style = html.indexOf("<style>");
        if (style >= 0) {
            html = html.substring(0, style) + "<style nonce=\"" + CspNonce.of(ctx) + "\">" + html.substring(style + "<style>".length());
        }
        return Response.ok(html, "text/html; charset=utf-8").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{reportId}/download")
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public Response download(@PathParam("reportId") String reportId) {
        Report r = find(reportId);
        byte[] html = store.html(r.id()).orElseThrow(ReportsPages::noSuchReport);
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + r.kind() + "-" + r.subject() + "-" + r.period() + ".html\"")
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(r.sha256())))
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response invalid(int status, UriInfo uri, RenderForm form, RenderErrors errors) {
        return Response.status(status).entity(listPage(1, uri, form, errors, null)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private TemplateInstance listPage(int page, UriInfo uri, RenderForm form, RenderErrors errors, String notice) {
        List<Report> fetched = store.page(Pager.offset(page, PAGE_SIZE), PAGE_SIZE + 1);
        List<Row> rows = fetched.stream().limit(PAGE_SIZE).map(this::row).toList();
        boolean canRender = false;
        for (String role : RENDERERS) {
            canRender |= identity.hasRole(role);
        }
        List<Option> vendors = renderer.vendorsNeedingAssessment().stream().map(v -> new Option(v.id(), v.name())).toList();
        List<Option> frameworks = catalog.frameworks().stream().map(f -> new Option(f.id(), f.name())).toList();
        return Templates.list(rows, Pager.of(uri, page, PAGE_SIZE, fetched.size()), canRender, vendors, frameworks, form, errors, notice);
    }

    private Row row(Report r) {
        String title = switch (r.kind()) {
            case "ropa" -> "Record of processing activities";
            case "tia" -> "Transfer impact assessment";
            default -> "iso27001".equals(r.subject()) ? "Statement of Applicability" : "Control status";
        };
        String subject = switch (r.kind()) {
            case "ropa" -> "The organisation";
            case "tia" -> system.vendor(r.subject()).map(Vendor::name).orElse(r.subject());
            default -> catalog.framework(r.subject()).map(f -> f.name()).orElse(r.subject());
        };
        return new Row(r.id(), title, subject, r.period(), r.generatedAt(), r.generatedBy(), r.sha256(), ByteSize.readable(r.size()));
    }

    private Report find(String reportId) {
        if (reportId == null || !reportId.matches("[1-9][0-9]{0,17}")) {
            throw noSuchReport();
        }
        return store.find(Long.parseLong(reportId)).orElseThrow(ReportsPages::noSuchReport);
    }

    private static Problem.Exception noSuchReport() {
        return Problem.Exception.of(404, "No such report.");
    }
}
