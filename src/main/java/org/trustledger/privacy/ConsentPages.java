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
import java.util.List;
import java.util.Map;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.web.Pager;

/**
 * The consent register in the console (GDPR Art. 7): purposes, their history, and forms to add a purpose or a revision.
 * Roles as {@link ConsentResource}: every staff role reads, privacy and admin write; every rule is {@link Consents}'.
 */
@Path("/staff/privacy/registers/consents")
@Produces(MediaType.TEXT_HTML)
public class ConsentPages {

    static final int PAGE_SIZE = 50;
    private static final String BASE = "/staff/privacy/registers/consents";

    @CheckedTemplate(basePath = "console/privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance consents(List<Consent> rows, Pager pager, List<Choice> statuses, boolean canWrite, String done);

        static native TemplateInstance consentForm(Map<String, String> form, List<Choice> statuses, FormErrors errors);

        static native TemplateInstance consent(Consent c, boolean canWrite, List<RegisterPages.RevisionRow> history, Map<String, String> form,
                List<Choice> statuses, FormErrors errors, String done);
    }

    private final Consents consents;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public ConsentPages(Consents consents, RegisterHistory history, SecurityIdentity identity) {
        this.consents = consents;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("done") String done,
            @Context UriInfo uri) {
        int p = Pager.page(page);
        List<Consent> rows = consents.page(Fields.filter("status", status, Consent.Status.class), Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1);
        List<Choice> statuses = new ArrayList<>();
        statuses.add(new Choice("", "All", status == null || status.isEmpty()));
        statuses.addAll(statuses(status));
        return Templates.consents(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), Pager.of(uri, p, PAGE_SIZE, rows.size()), statuses,
                canWrite(), "deleted".equals(done) ? "Consent record deleted; its history is kept." : null);
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance newForm() {
        return Templates.consentForm(Map.of(), statuses(Consent.Status.ACTIVE.wire()), FormErrors.none());
    }

    @POST
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("purpose_id") String purposeId, @FormParam("description") String description,
            @FormParam("legal_text_version") String version, @FormParam("collected_via") String collectedVia,
            @FormParam("proof_location") String proof, @FormParam("withdrawal_method") String withdrawal,
            @FormParam("last_reviewed_at") String lastReviewed, @FormParam("status") String status) {
        Map<String, String> form = FormValues.of("purpose_id", purposeId, "description", description, "legal_text_version", version,
                "collected_via", collectedVia, "proof_location", proof, "withdrawal_method", withdrawal, "last_reviewed_at", lastReviewed,
                "status", status);
        try {
            Consent c = consents.create(request(form), actor());
            return Response.seeOther(URI.create(BASE + "/" + c.id() + "?done=created")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), Templates.consentForm(form, statuses(status), errors));
        }
    }

    @GET
    @Path("/{consentId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance view(@PathParam("consentId") String consentId, @QueryParam("done") String done) {
        Consent c = find(id(consentId));
        Map<String, String> form = FormValues.of("purpose_id", c.purposeId(), "description", c.description(), "legal_text_version",
                c.legalTextVersion(), "collected_via", String.join("\n", c.collectedVia()), "proof_location", c.proofLocation(),
                "withdrawal_method", c.withdrawalMethod(), "last_reviewed_at", FormValues.input(c.lastReviewedAt()), "status", c.status().wire());
        return page(c, form, FormErrors.none(), switch (done == null ? "" : done) {
            case "created" -> "Consent record added.";
            case "updated" -> "Revision saved.";
            default -> null;
        });
    }

    /** A new revision: replaces every field, as {@code PUT /api/v1/consents/{id}} does. */
    @POST
    @Path("/{consentId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("consentId") String consentId, @FormParam("purpose_id") String purposeId,
            @FormParam("description") String description, @FormParam("legal_text_version") String version,
            @FormParam("collected_via") String collectedVia, @FormParam("proof_location") String proof,
            @FormParam("withdrawal_method") String withdrawal, @FormParam("last_reviewed_at") String lastReviewed,
            @FormParam("status") String status) {
        long id = id(consentId);
        Map<String, String> form = FormValues.of("purpose_id", purposeId, "description", description, "legal_text_version", version,
                "collected_via", collectedVia, "proof_location", proof, "withdrawal_method", withdrawal, "last_reviewed_at", lastReviewed,
                "status", status);
        try {
            consents.update(id, request(form), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=updated")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), page(find(id), form, errors, null));
        }
    }

    /** Removes the record; its history stays readable through the API. */
    @POST
    @Path("/{consentId}/delete")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("consentId") String consentId) {
        consents.delete(id(consentId), actor());
        return Response.seeOther(URI.create(BASE + "?done=deleted")).build();
    }

    private TemplateInstance page(Consent c, Map<String, String> form, FormErrors errors, String done) {
        return Templates.consent(c, canWrite(), RegisterPages.revisions(history.history(RegisterHistory.Register.CONSENT, c.id())), form,
                statuses(form.get("status")), errors, done);
    }

    private static List<Choice> statuses(String current) {
        return Choice.of(List.of(Consent.Status.values()), Consent.Status::wire, s -> FormErrors.label(s.wire()), current);
    }

    private static Consents.ConsentRequest request(Map<String, String> f) {
        return new Consents.ConsentRequest(f.get("purpose_id"), f.get("description"), f.get("legal_text_version"),
                FormValues.lines(f.get("collected_via")), f.get("proof_location"), f.get("withdrawal_method"),
                FormValues.timestamp(f.get("last_reviewed_at")), f.get("status"));
    }

    private Consent find(long id) {
        return consents.find(id).orElseThrow(() -> DomainException.notFound(Consents.NOT_FOUND));
    }

    private boolean canWrite() {
        return identity.hasRole(Role.PRIVACY) || identity.hasRole(Role.ADMIN);
    }

    private static long id(String raw) {
        return Fields.id(raw, Consents.NOT_FOUND);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
