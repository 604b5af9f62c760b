package org.trustledger.privacy;

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
 * The breach register in the console: breaches with their notification clocks, recording and editing a breach,
 * recording notifications and closing. Roles as {@link BreachResource}: every staff role reads, privacy and admin write;
 * every rule is {@link Breaches}'.
 */
@Path("/staff/privacy/breaches")
@Produces(MediaType.TEXT_HTML)
public class BreachPages {

    static final int PAGE_SIZE = 50;
    private static final String BASE = "/staff/privacy/breaches";

    @CheckedTemplate(basePath = "console/privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance breaches(List<BreachRow> rows, Pager pager, List<Choice> statuses, boolean canWrite);

        static native TemplateInstance breach(Breach b, List<SlaClock> clocks, List<Choice> parties, boolean canWrite,
                List<RegisterPages.RevisionRow> history, Map<String, String> form, FormErrors errors, String done);

        static native TemplateInstance breachForm(Long breachId, Map<String, String> form, List<Choice> personalData, List<Choice> roles,
                List<Choice> authority, FormErrors errors);
    }

    public record BreachRow(long id, String title, Instant awareAt, String role, boolean personalData, boolean open, List<SlaClock> clocks) {
    }

    private final Breaches breaches;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public BreachPages(Breaches breaches, RegisterHistory history, SecurityIdentity identity) {
        this.breaches = breaches;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") String page, @Context UriInfo uri) {
        int p = Pager.page(page);
        Instant now = breaches.now();
        List<BreachRow> rows = breaches.page(Fields.filter("status", status, Breach.Status.class), Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1)
                .stream().map(b -> new BreachRow(b.id(), b.title(), b.awareAt(), FormErrors.label(b.ourRole().wire()), b.personalDataAffected(),
                        b.status() == Breach.Status.OPEN, clocks(b, now)))
                .toList();
        List<Choice> statuses = new ArrayList<>();
        statuses.add(new Choice("", "All", status == null || status.isEmpty()));
        statuses.addAll(Choice.of(List.of(Breach.Status.values()), Breach.Status::wire, s -> FormErrors.label(s.wire()), status));
        return Templates.breaches(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), Pager.of(uri, p, PAGE_SIZE, rows.size()), statuses,
                canWrite());
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance newForm() {
        return form(null, Map.of(), FormErrors.none());
    }

    @POST
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("title") String title, @FormParam("description") String description, @FormParam("aware_at") String awareAt,
            @FormParam("personal_data_affected") String personalData, @FormParam("our_role") String ourRole,
            @FormParam("high_risk_to_subjects") String highRisk, @FormParam("authority_notification_required") String authority,
            @FormParam("no_authority_notification_reason") String noReason, @FormParam("delay_reason") String delayReason) {
        Map<String, String> form = FormValues.of("title", title, "description", description, "aware_at", awareAt, "personal_data_affected",
                personalData, "our_role", ourRole, "high_risk_to_subjects", highRisk, "authority_notification_required", authority,
                "no_authority_notification_reason", noReason, "delay_reason", delayReason);
        try {
            Breach b = breaches.create(request(form), actor());
            return Response.seeOther(URI.create(BASE + "/" + b.id() + "?done=created")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), form(null, form, errors));
        }
    }

    @GET
    @Path("/{breachId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance view(@PathParam("breachId") String breachId, @QueryParam("done") String done) {
        return page(id(breachId), Map.of(), FormErrors.none(), done);
    }

    @GET
    @Path("/{breachId}/edit")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance editForm(@PathParam("breachId") String breachId) {
        Breach b = find(id(breachId));
        Map<String, String> form = FormValues.of("title", b.title(), "description", b.description(), "aware_at", FormValues.input(b.awareAt()),
                "personal_data_affected", String.valueOf(b.personalDataAffected()), "our_role", b.ourRole().wire(),
                "high_risk_to_subjects", String.valueOf(b.highRiskToSubjects()),
                "authority_notification_required", String.valueOf(b.authorityNotificationRequired()),
                "no_authority_notification_reason", b.noAuthorityNotificationReason(), "delay_reason", b.delayReason());
        return form(b.id(), form, FormErrors.none());
    }

    /** Replaces the descriptive fields, as {@code PUT /api/v1/breaches/{id}} does. */
    @POST
    @Path("/{breachId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("breachId") String breachId, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("aware_at") String awareAt,
            @FormParam("personal_data_affected") String personalData, @FormParam("our_role") String ourRole,
            @FormParam("high_risk_to_subjects") String highRisk, @FormParam("authority_notification_required") String authority,
            @FormParam("no_authority_notification_reason") String noReason, @FormParam("delay_reason") String delayReason) {
        long id = id(breachId);
        Map<String, String> form = FormValues.of("title", title, "description", description, "aware_at", awareAt, "personal_data_affected",
                personalData, "our_role", ourRole, "high_risk_to_subjects", highRisk, "authority_notification_required", authority,
                "no_authority_notification_reason", noReason, "delay_reason", delayReason);
        try {
            breaches.update(id, request(form), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=updated")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            find(id);
            return DsrCasePages.page(errors.status(), form(id, form, errors));
        }
    }

    @POST
    @Path("/{breachId}/notifications")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notification(@PathParam("breachId") String breachId, @FormParam("party") String party, @FormParam("at") String at,
            @FormParam("delay_reason") String delayReason) {
        long id = id(breachId);
        try {
            breaches.recordNotification(id, new Breaches.NotificationRequest(party, FormValues.timestamp(at), delayReason), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=notified")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), page(id, FormValues.of("party", party, "at", at, "delay_reason", delayReason), errors, null));
        }
    }

    @POST
    @Path("/{breachId}/close")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("breachId") String breachId, @FormParam("note") String note) {
        long id = id(breachId);
        try {
            breaches.close(id, new Breaches.NoteRequest(note), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=closed")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), page(id, FormValues.of("note", note), errors, null));
        }
    }

    private TemplateInstance page(long id, Map<String, String> form, FormErrors errors, String done) {
        Breach b = find(id);
        Instant now = breaches.now();
        List<Choice> parties = Arrays.stream(Breach.Party.values())
                .filter(p -> BreachDeadlines.required(b, p) && b.notifiedAt(p) == null)
                .map(p -> new Choice(p.wire(), SlaClock.partyLabel(p), p.wire().equals(form.get("party")))).toList();
        return Templates.breach(b, clocks(b, now), parties, canWrite(), RegisterPages.revisions(history.history(RegisterHistory.Register.BREACH, id)),
                form, errors, switch (done == null ? "" : done) {
                    case "created" -> "Breach recorded.";
                    case "updated" -> "Breach updated.";
                    case "notified" -> "Notification recorded.";
                    case "closed" -> "Breach closed.";
                    default -> null;
                });
    }

    private static TemplateInstance form(Long id, Map<String, String> form, FormErrors errors) {
        String personal = form.get("personal_data_affected");
        List<Choice> personalData = List.of(new Choice("true", "Yes", "true".equals(personal)), new Choice("false", "No", "false".equals(personal)));
        List<Choice> roles = Choice.of(List.of(Breach.OurRole.values()), Breach.OurRole::wire,
                r -> r == Breach.OurRole.CONTROLLER ? "Controller" : "Processor", form.get("our_role"));
        String authority = form.getOrDefault("authority_notification_required", "");
        List<Choice> authorityChoices = List.of(
                new Choice("", "As the law expects (yes for a controller's personal data breach)", authority.isEmpty()),
                new Choice("true", "Yes", "true".equals(authority)), new Choice("false", "No (give the reason below)", "false".equals(authority)));
        return Templates.breachForm(id, form, personalData, roles, authorityChoices, errors);
    }

    private static Breaches.BreachRequest request(Map<String, String> f) {
        return new Breaches.BreachRequest(f.get("title"), f.get("description"), FormValues.timestamp(f.get("aware_at")),
                FormValues.bool(f.get("personal_data_affected")), f.get("our_role"), FormValues.bool(f.get("high_risk_to_subjects")),
                FormValues.bool(f.get("authority_notification_required")), f.get("no_authority_notification_reason"), f.get("delay_reason"));
    }

    private List<SlaClock> clocks(Breach b, Instant now) {
        return breaches.deadlines(b, now).stream().map(d -> SlaClock.of(d, now)).toList();
    }

    private Breach find(long id) {
        return breaches.find(id).orElseThrow(() -> DomainException.notFound(Breaches.NOT_FOUND));
    }

    private boolean canWrite() {
        return identity.hasRole(Role.PRIVACY) || identity.hasRole(Role.ADMIN);
    }

    private static long id(String raw) {
        return Fields.id(raw, Breaches.NOT_FOUND);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
