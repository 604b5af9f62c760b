package org.trustledger.collect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.web.Pager;

/**
 * The console's gap board (filter, sort, page) and one gap (reason, controls, source, history, assign, close). Roles
 * are those of {@link GapResource}; the checks are the same services'.
 */
@Path("/staff/gaps")
@Produces(MediaType.TEXT_HTML)
public class GapPages {

    static final int PAGE_SIZE = 25;
    static final int EVENTS_SHOWN = 200;

    /** A gap as a row: where its source leads, if anywhere. */
    public record Row(Gap gap, String sourceHref) {
    }

    /**
     * The board's search as submitted; the status select shows {@code open} when the query names none, which is what the
     * board lists by default.
     */
    public record ListView(GapBoard.Query query, List<Framework> frameworks, List<Row> rows, Map<String, String> errors, String mineHref) {
    }

    public record ControlRef(String id, String title) {
    }

    /** One gap and what this viewer may do with it; {@code failed} names the form whose input was refused. */
    public record DetailView(Row row, List<ControlRef> controls, List<Gap.Event> events, String openedByRunHref, String closedByRunHref,
            boolean canAct, String me, String notice) {
    }

    public record Forms(String assignee, String resolution, Map<String, String> errors, String failed) {

        static Forms empty() {
            return new Forms("", "", Map.of(), "");
        }
    }

    @CheckedTemplate(basePath = "console/gaps", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance list(ListView view, Pager pager);

        static native TemplateInstance detail(DetailView view, Forms forms);
    }

    private final GapBoard board;
    private final Gaps gaps;
    private final CollectorRegistry registry;
    private final ControlCatalog catalog;
    private final SecurityIdentity identity;

    public GapPages(GapBoard board, Gaps gaps, CollectorRegistry registry, ControlCatalog catalog, SecurityIdentity identity) {
        this.board = board;
        this.gaps = gaps;
        this.registry = registry;
        this.catalog = catalog;
        this.identity = identity;
    }

    /** Open gaps, most recently opened first, unless the query says otherwise. */
    @GET
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public Response list(@RestQuery String status, @RestQuery String severity, @RestQuery String framework, @RestQuery String control,
            @RestQuery String assignee, @RestQuery String sort, @RestQuery String dir, @RestQuery String page, @Context UriInfo uri) {
        int p = Pager.page(page);
        GapBoard.Query q = new GapBoard.Query(status == null ? Gap.OPEN : status, severity, framework, control, assignee, null, sort, dir);
        try {
            List<Gap> found = board.search(q, Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1);
            List<Row> rows = found.subList(0, Math.min(found.size(), PAGE_SIZE)).stream().map(this::row).toList();
            return Response.ok(Templates.list(new ListView(q, catalog.frameworks(), rows, Map.of(), mineHref()), Pager.of(uri, p, PAGE_SIZE,
                    found.size()))).build();
        } catch (DomainException e) {
            return CollectorPages.refused(e, errors -> Templates.list(new ListView(q, catalog.frameworks(), List.of(), errors, mineHref()),
                    Pager.of(uri, p, PAGE_SIZE, 0)));
        }
    }

    @GET
    @Path("/{gapId}")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public TemplateInstance detail(@RestPath String gapId, @RestQuery String notice) {
        return detailPage(gapId, noticeText(notice), Forms.empty());
    }

    @POST
    @Path("/{gapId}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Response assign(@RestPath String gapId, @RestForm String assignee) {
        try {
            gaps.assignTo(id(gapId), assignee, actor());
            return Response.seeOther(URI.create("/staff/gaps/" + id(gapId) + "?notice=assigned")).build();
        } catch (DomainException e) {
            Forms kept = new Forms(assignee == null ? "" : assignee, "", Map.of(), "assign");
            return CollectorPages.refused(e, errors -> detailPage(gapId, null, new Forms(kept.assignee(), "", errors, "assign")));
        }
    }

    @POST
    @Path("/{gapId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Response close(@RestPath String gapId, @RestForm String resolution) {
        try {
            gaps.closeWithResolution(id(gapId), resolution, actor());
            return Response.seeOther(URI.create("/staff/gaps/" + id(gapId) + "?notice=closed")).build();
        } catch (DomainException e) {
            String kept = resolution == null ? "" : resolution;
            return CollectorPages.refused(e, errors -> detailPage(gapId, null, new Forms("", kept, errors, "close")));
        }
    }

    private TemplateInstance detailPage(String gapId, String notice, Forms forms) {
        long id = id(gapId);
        Gap g = gaps.get(id).orElseThrow(() -> DomainException.notFound("No such gap."));
        List<ControlRef> controls = g.controls().stream().map(c -> new ControlRef(c, catalog.control(c).map(Control::title).orElse(""))).toList();
        boolean canAct = identity.hasRole(Role.ADMIN) || identity.hasRole(Role.COMPLIANCE);
        DetailView view = new DetailView(row(g), controls, gaps.events(id, EVENTS_SHOWN), runHref(g, g.openedByRun()), runHref(g, g.closedByRun()),
                canAct, username(), notice);
        return Templates.detail(view, forms);
    }

    private Row row(Gap g) {
        return new Row(g, sourceHref(g.source()));
    }

    /** A collector's gap leads to the collector; a missed breach notification ({@code breach:<id>:<party>}) to the breach. */
    private String sourceHref(String source) {
        if (registry.find(source).isPresent()) {
            return "/staff/collectors/" + source;
        }
        String[] parts = source.split(":");
        if (parts.length >= 2 && parts[0].equals("breach") && parts[1].matches("^[1-9]\\d{0,17}$")) {
            return "/staff/privacy/breaches/" + parts[1];
        }
        return null;
    }

    private String runHref(Gap g, Long runId) {
        return runId == null || registry.find(g.source()).isEmpty() ? null : "/staff/collectors/" + g.source() + "/runs/" + runId;
    }

    private static String noticeText(String notice) {
        if (notice == null) {
            return null;
        }
        return switch (notice) {
            case "assigned" -> "Gap assigned.";
            case "closed" -> "Gap closed.";
            default -> null;
        };
    }

    private static long id(String gapId) {
        if (gapId == null || !gapId.matches("^[1-9]\\d{0,17}$")) {
            throw DomainException.notFound("No such gap.");
        }
        return Long.parseLong(gapId);
    }

    /** The board filtered to the viewer's open gaps. */
    private String mineHref() {
        return "/staff/gaps?status=open&assignee=" + URLEncoder.encode(username(), StandardCharsets.UTF_8);
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private String actor() {
        return "staff:" + username();
    }
}
