package org.trustledger.collect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.controls.Framework;
import org.trustledger.web.CspNonce;
import org.trustledger.web.Pager;

/**
 * The console's collector pages: the filtered list, one collector (definition, state, run history with each run's
 * evidence, run now, the upload form of a manual collector, the push tokens of a pushed one) and one run with the
 * inclusion proof of its evidence. Roles are those of {@link CollectorResource}; the work is the same services'.
 */
@Path("/staff/collectors")
@Produces(MediaType.TEXT_HTML)
public class CollectorPages {

    static final int PAGE_SIZE = 25;
    static final int RUNS_PAGE_SIZE = 20;
    static final int UPLOADS_SHOWN = 10;
    static final int GAPS_SHOWN = 5;

    /** The list page's filter form as submitted, kept when it is refused. */
    public record ListView(CollectorBoard.Filter filter, List<Framework> frameworks, List<String> types, List<String> statuses,
            List<CollectorBoard.Row> rows, Map<String, String> errors) {
    }

    /** What the upload and token forms hold; kept as typed when a form is refused. */
    public record Forms(String expiresAt, String note, String label, String expiresInDays, Map<String, String> errors, String failed) {

        static Forms empty() {
            return new Forms("", "", "", "", Map.of(), "");
        }
    }

    /** The collector page: everything {@link CollectorBoard#detail} knows plus what this viewer may do and see. */
    public record DetailView(CollectorBoard.Detail detail, List<CollectorRun> runs, List<ManualUploads.Upload> uploads, List<Gap> gaps,
            List<ServiceTokens.TokenView> tokens, boolean canRun, boolean canUpload, boolean canManageTokens, int maxUploadKib,
            long defaultTokenDays, String notice, ServiceTokens.Issued issued, String nonce) {
    }

    @CheckedTemplate(basePath = "console/collectors", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance list(ListView view, Pager pager);

        static native TemplateInstance detail(DetailView view, Forms forms, Pager pager);

        static native TemplateInstance run(CollectorBoard.Detail detail, CollectorBoard.RunEvidence evidence);
    }

    private final CollectorBoard board;
    private final CollectorRunner runner;
    private final CollectorRegistry registry;
    private final ManualEvidence evidence;
    private final ManualUploads uploads;
    private final CollectorTokens tokens;
    private final Gaps gaps;
    private final SecurityIdentity identity;

    public CollectorPages(CollectorBoard board, CollectorRunner runner, CollectorRegistry registry, ManualEvidence evidence,
            ManualUploads uploads, CollectorTokens tokens, Gaps gaps, SecurityIdentity identity) {
        this.board = board;
        this.runner = runner;
        this.registry = registry;
        this.evidence = evidence;
        this.uploads = uploads;
        this.tokens = tokens;
        this.gaps = gaps;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public Response list(@RestQuery String framework, @RestQuery String control, @RestQuery String type, @RestQuery String status,
            @RestQuery String page, @Context UriInfo uri) {
        int p = Pager.page(page);
        CollectorBoard.Filter filter = new CollectorBoard.Filter(blankToNull(framework), blankToNull(control), blankToNull(type),
                blankToNull(status));
        try {
            List<CollectorBoard.Row> rows = board.list(filter, Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1);
            return Response.ok(Templates.list(listView(filter, rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), Map.of()),
                    Pager.of(uri, p, PAGE_SIZE, rows.size()))).build();
        } catch (DomainException e) {
            return refused(e, errors -> Templates.list(listView(filter, List.of(), errors), Pager.of(uri, p, PAGE_SIZE, 0)));
        }
    }

    private ListView listView(CollectorBoard.Filter filter, List<CollectorBoard.Row> rows, Map<String, String> errors) {
        return new ListView(filter, board.frameworks(), board.types(), CollectorBoard.STATUSES, rows, errors);
    }

    @GET
    @Path("/{collectorId}")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public TemplateInstance detail(@RestPath String collectorId, @RestQuery String page, @RestQuery String notice, @RestQuery String run,
            @RestQuery String token, @Context RoutingContext ctx) {
        return detailPage(collectorId, Pager.page(page), ctx, noticeText(collectorId, notice, run, token), null, Forms.empty());
    }

    @GET
    @Path("/{collectorId}/runs/{runId}")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public TemplateInstance run(@RestPath String collectorId, @RestPath String runId) {
        CollectorBoard.Detail detail = board.detail(collectorId);
        return Templates.run(detail, board.evidence(collectorId, CollectorResource.parseId(runId, "run")));
    }

    /** "Run now": records a run as the API's run does, then back to the collector page with its outcome. */
    @POST
    @Path("/{collectorId}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Response runNow(@RestPath String collectorId) {
        CollectorRun r = runner.run(registry.require(collectorId), RunRecorder.Origin.MANUAL, username());
        return Response.seeOther(URI.create(pagePath(collectorId) + "?notice=ran&run=" + r.id())).build();
    }

    /** The upload form of a manual collector; the same checks as the API's, refused input back on the page with the fields marked. */
    @POST
    @Path("/{collectorId}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Response upload(@RestPath String collectorId, @RestForm("file") FileUpload file, @RestForm("expires_at") String expiresAt,
            @RestForm("note") String note, @Context RoutingContext ctx) {
        try {
            ManualEvidence.Result r = evidence.accept(collectorId, CollectorResource.fromForm(file, expiresAt, note), username());
            return Response.seeOther(URI.create(pagePath(collectorId) + "?notice=uploaded&run=" + r.run().id())).build();
        } catch (DomainException e) {
            Forms kept = new Forms(nullToEmpty(expiresAt), nullToEmpty(note), "", "", Map.of(), "upload");
            return refused(e, errors -> detailPage(collectorId, 1, ctx, null, null, withErrors(kept, errors)));
        }
    }

    /**
     * A push token for a pushed collector. The secret is shown in this response only (never in a URL, which would put it
     * in histories and logs), so this answers with the page itself rather than a redirect, and forbids caching it.
     */
    @POST
    @Path("/{collectorId}/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN)
    public Response issueToken(@RestPath String collectorId, @RestForm String label, @RestForm("expires_in_days") String expiresInDays,
            @Context RoutingContext ctx) {
        Forms kept = new Forms("", "", nullToEmpty(label), nullToEmpty(expiresInDays), Map.of(), "token");
        try {
            ServiceTokens.Issued issued = tokens.issue(collectorId, label, days(expiresInDays), username());
            return Response.ok(detailPage(collectorId, 1, ctx, "Token " + issued.token().id() + " created.", issued, Forms.empty()))
                    .header("Cache-Control", "no-store").build();
        } catch (DomainException e) {
            return refused(e, errors -> detailPage(collectorId, 1, ctx, null, null, withErrors(kept, errors)));
        }
    }

    @POST
    @Path("/{collectorId}/tokens/{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN)
    public Response revokeToken(@RestPath String collectorId, @RestPath String tokenId) {
        ServiceTokens.TokenView t = tokens.revoke(collectorId, CollectorResource.parseId(tokenId, "token"), username());
        return Response.seeOther(URI.create(pagePath(collectorId) + "?notice=revoked&token=" + t.id())).build();
    }

    private TemplateInstance detailPage(String collectorId, int page, RoutingContext ctx, String notice,
            ServiceTokens.Issued issued, Forms forms) {
        CollectorBoard.Detail detail = board.detail(collectorId);
        String id = detail.row().id();
        String type = detail.row().definition().type();
        List<CollectorRun> runs = board.runs(id, Pager.offset(page, RUNS_PAGE_SIZE), RUNS_PAGE_SIZE + 1);
        boolean admin = identity.hasRole(Role.ADMIN);
        boolean canAct = admin || identity.hasRole(Role.COMPLIANCE);
        boolean pushed = type.equals("pushed");
        DetailView view = new DetailView(detail, runs.subList(0, Math.min(runs.size(), RUNS_PAGE_SIZE)),
                type.equals("manual") ? uploads.list(id, UPLOADS_SHOWN) : List.of(), gaps.recentForSource(id, GAPS_SHOWN),
                pushed && admin ? tokens.list(id) : List.of(), canAct, canAct && type.equals("manual"), pushed && admin,
                evidence.maxUploadBytes() / 1024, tokens.defaultDays(), notice, issued, CspNonce.of(ctx));
        // Links of the run history name the collector page itself: this page is also the answer to a refused post, and
        // a notice of the last action should not follow the reader from page to page.
        boolean more = runs.size() > RUNS_PAGE_SIZE;
        Pager pager = new Pager(page, RUNS_PAGE_SIZE, more, page > 1 ? pagePath(id) + "?page=" + (page - 1) : null,
                more ? pagePath(id) + "?page=" + (page + 1) : null);
        return Templates.detail(view, forms, pager);
    }

    /** The one-off message after a redirect, built from the ids in the query, never from text a link could carry. */
    private String noticeText(String collectorId, String notice, String run, String token) {
        if (notice == null) {
            return null;
        }
        return switch (notice) {
            case "ran", "uploaded" -> idOf(run).flatMap(id -> board.run(collectorId, id))
                    .map(r -> (notice.equals("uploaded") ? "File uploaded. " : "") + "Run " + r.id() + " recorded: " + r.status().wire() + " — "
                            + r.summary())
                    .orElse(null);
            case "revoked" -> idOf(token).map(id -> "Token " + id + " revoked.").orElse(null);
            default -> null;
        };
    }

    private static Optional<Long> idOf(String text) {
        return text != null && text.matches("^[1-9]\\d{0,17}$") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** A form's number field: blank is "not given"; anything else must be a whole number (the service checks the range). */
    private static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("^\\d{1,4}$")) {
            throw DomainException.invalid("expires_in_days", "must be a whole number of days");
        }
        return Integer.parseInt(text.strip());
    }

    /** Field refusals come back as the page with the fields marked (400, 413, 422); anything else is the console's error page. */
    static Response refused(DomainException e, Function<Map<String, String>, TemplateInstance> page) {
        int status = switch (e.kind()) {
            case INVALID -> e instanceof ManualEvidence.TooLarge ? 413 : 400;
            case UNPROCESSABLE -> 422;
            default -> throw e;
        };
        Map<String, String> errors = new LinkedHashMap<>();
        for (DomainException.Violation v : e.violations()) {
            errors.merge(v.field(), v.reason(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", e.getMessage());
        }
        return Response.status(status).entity(page.apply(errors)).build();
    }

    private static Forms withErrors(Forms f, Map<String, String> errors) {
        return new Forms(f.expiresAt(), f.note(), f.label(), f.expiresInDays(), errors, f.failed());
    }

    private static String pagePath(String collectorId) {
        return "/staff/collectors/" + collectorId;
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
