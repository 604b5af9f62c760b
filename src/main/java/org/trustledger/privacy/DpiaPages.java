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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.system.SystemDescription;
import org.trustledger.web.Pager;

/**
 * The DPIA register in the console (GDPR Art. 35): assessments with their history, and forms to add one, revise a
 * draft or one due for review, approve, mark for review and delete a never-approved draft. Roles as
 * {@link DpiaResource}: every staff role reads, privacy and admin write; every rule is {@link Dpias}'.
 */
@Path("/staff/privacy/registers/dpias")
@Produces(MediaType.TEXT_HTML)
public class DpiaPages {

    static final int PAGE_SIZE = 50;
    private static final String BASE = "/staff/privacy/registers/dpias";

    @CheckedTemplate(basePath = "console/privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance dpias(List<Dpia> rows, Pager pager, List<Choice> statuses, boolean canWrite, String done);

        static native TemplateInstance dpiaForm(Map<String, String> form, DpiaChoices choices, FormErrors errors);

        static native TemplateInstance dpia(Dpia d, String activity, List<String> criteria, boolean canWrite, List<RegisterPages.RevisionRow> history,
                Map<String, String> form, DpiaChoices choices, FormErrors errors, String done);
    }

    /** The options of the assessment form, the ones shown marked. */
    public record DpiaChoices(List<Choice> activities, List<Choice> triggers, List<Choice> outcomes, List<Choice> risks) {
    }

    private final Dpias dpias;
    private final RegisterHistory history;
    private final SystemDescription system;
    private final SecurityIdentity identity;

    public DpiaPages(Dpias dpias, RegisterHistory history, SystemDescription system, SecurityIdentity identity) {
        this.dpias = dpias;
        this.history = history;
        this.system = system;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("done") String done,
            @Context UriInfo uri) {
        int p = Pager.page(page);
        List<Dpia> rows = dpias.page(Fields.filter("status", status, Dpia.Status.class), Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1);
        List<Choice> statuses = new ArrayList<>();
        statuses.add(new Choice("", "All", status == null || status.isEmpty()));
        statuses.addAll(Choice.of(List.of(Dpia.Status.values()), Dpia.Status::wire, s -> FormErrors.label(s.wire()), status));
        return Templates.dpias(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), Pager.of(uri, p, PAGE_SIZE, rows.size()), statuses,
                canWrite(), "deleted".equals(done) ? "Draft deleted; its history is kept." : null);
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance newForm() {
        return Templates.dpiaForm(Map.of(), choices(Map.of(), List.of()), FormErrors.none());
    }

    @POST
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("processing_activity_id") String activity, @FormParam("title") String title,
            @FormParam("triggers") List<String> triggers, @FormParam("outcome") String outcome, @FormParam("outcome_reason") String reason,
            @FormParam("risk_level") String risk, @FormParam("measures") String measures) {
        Map<String, String> form = FormValues.of("processing_activity_id", activity, "title", title, "outcome", outcome, "outcome_reason",
                reason, "risk_level", risk, "measures", measures);
        try {
            Dpia d = dpias.create(request(form, triggers), actor());
            return Response.seeOther(URI.create(BASE + "/" + d.id() + "?done=created")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), Templates.dpiaForm(form, choices(form, triggers), errors));
        }
    }

    @GET
    @Path("/{dpiaId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance view(@PathParam("dpiaId") String dpiaId, @QueryParam("done") String done) {
        Dpia d = find(id(dpiaId));
        return page(d, current(d), d.triggers().stream().map(Dpia.Trigger::wire).toList(), FormErrors.none(),
                switch (done == null ? "" : done) {
                    case "created" -> "DPIA added as a draft.";
                    case "updated" -> "Revision saved.";
                    case "approved" -> "DPIA approved.";
                    case "review" -> "DPIA marked for review.";
                    default -> null;
                });
    }

    /** A new revision of the assessment, as {@code PUT /api/v1/dpias/{id}} (drafts and DPIAs due for review). */
    @POST
    @Path("/{dpiaId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("dpiaId") String dpiaId, @FormParam("processing_activity_id") String activity,
            @FormParam("title") String title, @FormParam("triggers") List<String> triggers, @FormParam("outcome") String outcome,
            @FormParam("outcome_reason") String reason, @FormParam("risk_level") String risk, @FormParam("measures") String measures) {
        long id = id(dpiaId);
        Map<String, String> form = FormValues.of("processing_activity_id", activity, "title", title, "outcome", outcome, "outcome_reason",
                reason, "risk_level", risk, "measures", measures);
        try {
            dpias.update(id, request(form, triggers), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=updated")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), page(find(id), form, triggers, errors, null));
        }
    }

    @POST
    @Path("/{dpiaId}/approve")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("dpiaId") String dpiaId, @FormParam("next_review") String nextReview) {
        long id = id(dpiaId);
        try {
            dpias.approve(id, new Dpias.ApproveRequest(nextReview), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=approved")).build();
        } catch (DomainException e) {
            return refused(id, e, FormValues.of("next_review", nextReview));
        }
    }

    @POST
    @Path("/{dpiaId}/review")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("dpiaId") String dpiaId, @FormParam("reason") String reason) {
        long id = id(dpiaId);
        try {
            dpias.requestReview(id, new Dpias.ReviewRequest(reason), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=review")).build();
        } catch (DomainException e) {
            return refused(id, e, FormValues.of("reason", reason));
        }
    }

    @POST
    @Path("/{dpiaId}/delete")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("dpiaId") String dpiaId) {
        long id = id(dpiaId);
        try {
            dpias.delete(id, actor());
            return Response.seeOther(URI.create(BASE + "?done=deleted")).build();
        } catch (DomainException e) {
            return refused(id, e, Map.of());
        }
    }

    /** The DPIA page again after a refused approval, review or deletion: the assessment form keeps the stored values. */
    private Response refused(long id, DomainException e, Map<String, String> sent) {
        FormErrors errors = FormErrors.of(e);
        Dpia d = find(id);
        Map<String, String> form = new HashMap<>(current(d));
        form.putAll(sent);
        return DsrCasePages.page(errors.status(), page(d, form, d.triggers().stream().map(Dpia.Trigger::wire).toList(), errors, null));
    }

    private TemplateInstance page(Dpia d, Map<String, String> form, List<String> triggers, FormErrors errors, String done) {
        String activity = system.processingActivity(d.processingActivityId()).map(a -> a.name()).orElse(d.processingActivityId());
        List<String> criteria = d.triggers().stream().map(DpiaPages::triggerLabel).toList();
        return Templates.dpia(d, activity, criteria, canWrite(), RegisterPages.revisions(history.history(RegisterHistory.Register.DPIA, d.id())), form,
                choices(form, triggers), errors, done);
    }

    private static Map<String, String> current(Dpia d) {
        return FormValues.of("processing_activity_id", d.processingActivityId(), "title", d.title(),
                "outcome", d.outcome() == null ? null : d.outcome().wire(), "outcome_reason", d.outcomeReason(),
                "risk_level", d.riskLevel() == null ? null : d.riskLevel().wire(), "measures", d.measures());
    }

    private DpiaChoices choices(Map<String, String> form, List<String> triggers) {
        List<Choice> activities = new ArrayList<>();
        activities.add(new Choice("", "Choose a processing activity", form.get("processing_activity_id") == null));
        activities.addAll(Choice.of(system.processingActivities(), a -> a.id(), a -> a.name() + " (" + a.id() + ")",
                form.get("processing_activity_id")));
        List<Choice> outcomes = new ArrayList<>();
        outcomes.add(new Choice("", "Not decided yet", form.get("outcome") == null || form.get("outcome").isEmpty()));
        outcomes.addAll(Choice.of(List.of(Dpia.Outcome.values()), Dpia.Outcome::wire,
                o -> o == Dpia.Outcome.REQUIRED ? "A DPIA is required" : "No DPIA is required", form.get("outcome")));
        List<Choice> risks = new ArrayList<>();
        risks.add(new Choice("", "Not assessed yet", form.get("risk_level") == null || form.get("risk_level").isEmpty()));
        risks.addAll(Choice.of(List.of(Dpia.RiskLevel.values()), Dpia.RiskLevel::wire, r -> FormErrors.label(r.wire()), form.get("risk_level")));
        return new DpiaChoices(activities, Choice.ofMany(List.of(Dpia.Trigger.values()), Dpia.Trigger::wire, DpiaPages::triggerLabel, triggers),
                outcomes, risks);
    }

    /** The WP248 rev.01 criteria in their words. */
    static String triggerLabel(Dpia.Trigger t) {
        return switch (t) {
            case EVALUATION_SCORING -> "Evaluation or scoring, including profiling";
            case AUTOMATED_DECISION -> "Automated decisions with legal or similar effect";
            case SYSTEMATIC_MONITORING -> "Systematic monitoring";
            case SENSITIVE_DATA -> "Sensitive or highly personal data";
            case LARGE_SCALE -> "Data processed on a large scale";
            case MATCHING_DATASETS -> "Matching or combining datasets";
            case VULNERABLE_SUBJECTS -> "Data of vulnerable people";
            case INNOVATIVE_TECHNOLOGY -> "Innovative technology or organisational solutions";
            case PREVENTS_RIGHTS -> "Prevents people from exercising a right or using a service";
        };
    }

    private static Dpias.DpiaRequest request(Map<String, String> f, List<String> triggers) {
        return new Dpias.DpiaRequest(f.get("processing_activity_id"), f.get("title"), triggers == null ? List.of() : triggers, f.get("outcome"),
                f.get("outcome_reason"), f.get("risk_level"), f.get("measures"));
    }

    private Dpia find(long id) {
        return dpias.find(id).orElseThrow(() -> DomainException.notFound(Dpias.NOT_FOUND));
    }

    private boolean canWrite() {
        return identity.hasRole(Role.PRIVACY) || identity.hasRole(Role.ADMIN);
    }

    private static long id(String raw) {
        return Fields.id(raw, Dpias.NOT_FOUND);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
