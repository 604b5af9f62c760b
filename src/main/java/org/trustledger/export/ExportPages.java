package org.trustledger.export;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.trustledger.common.ByteSize;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.web.Pager;
import org.trustledger.web.Problem;

/**
 * {@code /staff/exports}: a form that queues an audit-package export as a background job ({@link ExportWorker}), each
 * job's progress, and the finished packages with size, SHA-256 and a download. Roles as {@link ExportResource}.
 */
@Path("/staff/exports")
public class ExportPages {

    static final int PAGE_SIZE = 25;

    /** One export as the pages show it. */
    public record Row(long id, String framework, LocalDate from, LocalDate to, String requestedBy, Instant requestedAt, String status,
            String statusLabel, Instant startedAt, Instant finishedAt, String took, String step, Long total, long done, Integer percent,
            String size, String sha256, String fileName, String error) {

        public boolean active() {
            return ExportJobs.QUEUED.equals(status) || ExportJobs.RUNNING.equals(status);
        }

        public boolean downloadable() {
            return ExportJobs.DONE.equals(status);
        }
    }

    /** The form's values as typed, and its errors by field. */
    public record Form(String framework, String from, String to) {
    }

    public record Errors(String framework, String from, String to) {
        static final Errors NONE = new Errors(null, null, null);
    }

    public record Option(String value, String label) {
    }

    @CheckedTemplate(basePath = "console/exports", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance list(List<Row> rows, Pager pager, List<Option> frameworks, Form form, Errors errors, int maxDays);

        static native TemplateInstance export(Row export);
    }

    private final ExportWorker worker;
    private final ExportJobs jobs;
    private final ControlCatalog catalog;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ExportPages(ExportWorker worker, ExportJobs jobs, ControlCatalog catalog, SecurityIdentity identity, Clock clock) {
        this.worker = worker;
        this.jobs = jobs;
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("page") String page, @Context UriInfo uri) {
        LocalDate today = today();
        return listPage(Pager.page(page), uri, new Form("iso27001", today.minusDays(30).toString(), today.toString()), Errors.NONE);
    }

    /** Queues the export and shows its progress page; invalid input shows the form again with the fields marked. */
    @POST
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("framework") String framework, @FormParam("from") String from, @FormParam("to") String to,
            @Context UriInfo uri) {
        try {
            ExportPeriod period = ExportPeriod.of(framework, from, to, today());
            long id = worker.submit(period, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/staff/exports/" + id)).build();
        } catch (DomainException e) {
            Map<String, String> byField = new HashMap<>();
            e.violations().forEach(v -> byField.putIfAbsent(v.field(), v.reason()));
            Errors errors = new Errors(byField.get("framework"), byField.get("from"), byField.get("to"));
            // A date input can only hold a real date: keep what was typed when it is one.
            Form form = new Form(framework, isDate(from) ? from : null, isDate(to) ? to : null);
            return Response.status(e.kind() == DomainException.Kind.INVALID ? 400 : 422)
                    .entity(listPage(1, uri, form, errors)).type(MediaType.TEXT_HTML_TYPE).build();
        }
    }

    /** One export; while it runs, /assets/export-progress.js refreshes its status in place (without scripts: "Check again"). */
    @GET
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Path("/{exportId}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance export(@PathParam("exportId") String exportId) {
        return Templates.export(row(find(exportId)));
    }

    /** The stored zip, exactly as hashed: the SHA-256 on the page and in the Digest header is of these bytes. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Path("/{exportId}/download")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    public Response download(@PathParam("exportId") String exportId) {
        ExportJobs.Job job = find(exportId);
        if (ExportJobs.EXPIRED.equals(job.status())) {
            throw Problem.Exception.of(410, "This package was deleted after its retention period; export the period again.");
        }
        if (!job.downloadable()) {
            throw Problem.Exception.of(409, "This export has not finished; its page shows how far it got.");
        }
        StreamingOutput body = out -> jobs.copy(job, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
                .header("Content-Length", job.size())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(job.sha256())))
                .header("Cache-Control", "no-store")
                .build();
    }

    private TemplateInstance listPage(int page, UriInfo uri, Form form, Errors errors) {
        List<ExportJobs.Job> fetched = jobs.page(Pager.offset(page, PAGE_SIZE), PAGE_SIZE + 1);
        List<Row> rows = fetched.stream().limit(PAGE_SIZE).map(this::row).toList();
        List<Option> frameworks = AuditPackageWriter.FRAMEWORKS.stream().sorted()
                .map(id -> new Option(id, catalog.framework(id).map(f -> f.name()).orElse(id))).toList();
        return Templates.list(rows, Pager.of(uri, page, PAGE_SIZE, fetched.size()), frameworks, form, errors, ExportPeriod.MAX_DAYS);
    }

    private Row row(ExportJobs.Job j) {
        String label = switch (j.status()) {
            case ExportJobs.QUEUED -> "Waiting to start";
            case ExportJobs.RUNNING -> "Running";
            case ExportJobs.DONE -> "Ready";
            case ExportJobs.FAILED -> "Failed";
            default -> "Expired";
        };
        Integer percent = j.itemsTotal() == null ? null
                : j.itemsTotal() == 0 ? (j.downloadable() ? 100 : 0) : (int) Math.min(100, j.itemsDone() * 100 / j.itemsTotal());
        String took = j.startedAt() == null || j.finishedAt() == null ? null : duration(Duration.between(j.startedAt(), j.finishedAt()));
        return new Row(j.id(), catalog.framework(j.framework()).map(f -> f.name()).orElse(j.framework()), j.from(), j.to(), j.requestedBy(),
                j.requestedAt(), j.status(), label, j.startedAt(), j.finishedAt(), took, j.phase(), j.itemsTotal(), j.itemsDone(), percent,
                j.size() == null ? null : ByteSize.readable(j.size()), j.sha256(), j.fileName(), j.error());
    }

    private static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 1 ? "under a second" : s < 60 ? (s == 1 ? "1 second" : s + " seconds") : s / 60 + " min " + s % 60 + " s";
    }

    private ExportJobs.Job find(String exportId) {
        if (exportId == null || !exportId.matches("[1-9][0-9]{0,17}")) {
            throw Problem.Exception.of(404, "No such export.");
        }
        return jobs.find(Long.parseLong(exportId)).orElseThrow(() -> Problem.Exception.of(404, "No such export."));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static boolean isDate(String s) {
        if (s == null || !s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
