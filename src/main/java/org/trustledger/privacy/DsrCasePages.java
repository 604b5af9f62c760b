package org.trustledger.privacy;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.web.Pager;

/**
 * The console's data-subject request queue and case pages, for the roles of the case API (privacy, admin). Every
 * change goes through {@link DsrCases}, as the JSON API's do.
 */
@Path("/staff/privacy/requests")
@Produces(MediaType.TEXT_HTML)
public class DsrCasePages {

    static final int PAGE_SIZE = 50;
    private static final String BASE = "/staff/privacy/requests";

    @CheckedTemplate(basePath = "console/privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance requests(List<QueueRow> rows, Pager pager, List<Choice> statuses, List<Choice> types,
                List<QueueRow> found, Map<String, String> form, FormErrors errors);

        static native TemplateInstance request(CaseFacts c, List<Move> moves, String extensionRefusal, List<EventRow> events,
                Map<String, String> form, FormErrors errors, String done);
    }

    /** A case in the queue, with the labels people read and whether its deadline has passed while it is open. */
    @TemplateData
    public record QueueRow(long id, String type, String law, String status, Instant receivedAt, Instant deadline, boolean extended,
            boolean overdue) {
    }

    public record CaseFacts(long id, String type, String law, String status, boolean open, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant deadline, boolean overdue, Instant updatedAt, String details) {
    }

    /** A status change the case allows from where it stands: a button of the one status form. */
    public record Move(String to, String label, boolean danger) {
    }

    public record EventRow(Instant at, String actor, String what, String note) {
    }

    private final DsrCases cases;
    private final SecurityIdentity identity;

    public DsrCasePages(DsrCases cases, SecurityIdentity identity) {
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("page") String page,
            @Context UriInfo uri) {
        DsrCases.QueueFilter filter = DsrCases.queueFilter(status, type);
        int p = Pager.page(page);
        Instant now = cases.now();
        List<QueueRow> rows = cases.queue(filter, Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1).stream().map(c -> row(c, now)).toList();
        return Templates.requests(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), Pager.of(uri, p, PAGE_SIZE, rows.size()),
                statusChoices(status), typeChoices(type), null, Map.of(), FormErrors.none());
    }

    /** Finds a requester's cases by email. A POST, so the address stays out of URLs, logs and history. */
    @POST
    @Path("/search")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@FormParam("email") String email) {
        Map<String, String> form = FormValues.of("email", email);
        try {
            Instant now = cases.now();
            List<QueueRow> found = cases.search(email).stream().map(c -> row(c, now)).toList();
            return page(200, Templates.requests(List.of(), null, statusChoices(null), typeChoices(null), found, form, FormErrors.none()));
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return page(errors.status(), Templates.requests(List.of(), null, statusChoices(null), typeChoices(null), null, form, errors));
        }
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance view(@PathParam("caseId") String caseId, @QueryParam("done") String done) {
        return casePage(id(caseId), Map.of(), FormErrors.none(), done);
    }

    @POST
    @Path("/{caseId}/transition")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("caseId") String caseId, @FormParam("to") String to, @FormParam("note") String note) {
        long id = id(caseId);
        try {
            cases.transition(id, to, note, actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=" + DsrStatus.parse(to).orElseThrow().wire())).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return page(errors.status(), casePage(id, FormValues.of("note", note), errors, null));
        }
    }

    @POST
    @Path("/{caseId}/extend")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("caseId") String caseId, @FormParam("reason") String reason) {
        long id = id(caseId);
        try {
            cases.extend(id, reason, actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=extended")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return page(errors.status(), casePage(id, FormValues.of("reason", reason), errors, null));
        }
    }

    private TemplateInstance casePage(long id, Map<String, String> form, FormErrors errors, String done) {
        DsrCases.CaseDetail c = cases.get(id).orElseThrow(() -> DomainException.notFound(DsrCaseRepository.NOT_FOUND));
        DsrStatus status = DsrStatus.parse(c.status()).orElseThrow();
        Instant deadline = c.effectiveDueAt();
        CaseFacts facts = new CaseFacts(c.id(), typeLabel(c.requestType()), lawLabel(c.jurisdiction()), status.label(), !status.isClosed(),
                c.receivedAt(), c.dueAt(), c.extendedUntil(), c.extensionReason(), deadline,
                !status.isClosed() && cases.now().isAfter(deadline), c.updatedAt(), c.details());
        List<Move> moves = Arrays.stream(DsrStatus.values()).filter(status::canMoveTo).map(DsrCasePages::move).toList();
        List<EventRow> events = c.events().stream().map(DsrCasePages::event).toList();
        return Templates.request(facts, moves, cases.extensionRefusal(c).orElse(null), events, form, errors, doneMessage(done));
    }

    private static QueueRow row(DsrCases.CaseView c, Instant now) {
        DsrStatus status = DsrStatus.parse(c.status()).orElseThrow();
        return new QueueRow(c.id(), typeLabel(c.requestType()), lawLabel(c.jurisdiction()), status.label(), c.receivedAt(),
                c.effectiveDueAt(), c.extendedUntil() != null, !status.isClosed() && now.isAfter(c.effectiveDueAt()));
    }

    private static Move move(DsrStatus to) {
        return switch (to) {
            case VERIFYING -> new Move(to.wire(), "Start identity verification", false);
            case IN_PROGRESS -> new Move(to.wire(), "Identity verified: start work", false);
            case COMPLETED -> new Move(to.wire(), "Complete the request", false);
            case REJECTED -> new Move(to.wire(), "Reject the request", true);
            case RECEIVED -> throw new IllegalArgumentException("no case moves back to received");
        };
    }

    private static EventRow event(DsrCases.EventView e) {
        String actor = e.actor() == null ? "Requester" : e.actor();
        String what = switch (e.kind()) {
            case "received" -> "Request received";
            case "extension" -> "Deadline extended";
            default -> "Status: " + label(e.fromStatus()) + " → " + label(e.toStatus());
        };
        return new EventRow(e.at(), actor, what, e.note());
    }

    private static String doneMessage(String done) {
        if ("extended".equals(done)) {
            return "Deadline extended. Tell the requester, with the reason.";
        }
        return DsrStatus.parse(done).map(s -> "Status changed to " + s.label().toLowerCase(java.util.Locale.ROOT) + ".").orElse(null);
    }

    private static List<Choice> statusChoices(String current) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "Open (not completed or rejected)", current == null || current.isEmpty()));
        choices.add(new Choice(DsrCases.ALL, "All", DsrCases.ALL.equals(current)));
        choices.addAll(Choice.of(List.of(DsrStatus.values()), DsrStatus::wire, DsrStatus::label, current));
        return choices;
    }

    private static List<Choice> typeChoices(String current) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "All types", current == null || current.isEmpty()));
        choices.addAll(Choice.of(List.of(RequestType.values()), RequestType::wire, RequestType::label, current));
        return choices;
    }

    static String typeLabel(String wire) {
        return RequestType.parse(wire).map(RequestType::label).orElse(wire);
    }

    static String lawLabel(String wire) {
        return Jurisdiction.parse(wire).map(Jurisdiction::label).orElse(wire);
    }

    private static String label(String status) {
        return DsrStatus.parse(status).map(DsrStatus::label).orElse("—");
    }

    private static long id(String raw) {
        return Fields.id(raw, DsrCaseRepository.NOT_FOUND);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** A page shown again after a refused form, with the status that says why. */
    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
