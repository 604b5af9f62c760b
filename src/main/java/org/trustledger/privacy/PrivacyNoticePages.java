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
 * Privacy-notice versions in the console (GDPR Art. 13, 14): versions by audience with their state, each version's
 * text and history, publishing a new version (a change is always a new version) and retracting a scheduled one. Roles
 * as {@link PrivacyNoticeResource}: every staff role reads, privacy and admin write; every rule is {@link PrivacyNotices}'.
 */
@Path("/staff/privacy/registers/notices")
@Produces(MediaType.TEXT_HTML)
public class PrivacyNoticePages {

    static final int PAGE_SIZE = 50;
    private static final String BASE = "/staff/privacy/registers/notices";

    @CheckedTemplate(basePath = "console/privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance notices(List<PrivacyNotices.Listed> rows, Pager pager, List<Choice> audiences, boolean canWrite);

        static native TemplateInstance noticeForm(Map<String, String> form, List<Choice> audiences, FormErrors errors);

        static native TemplateInstance notice(PrivacyNotices.Listed n, String text, boolean canWrite, List<RegisterPages.RevisionRow> history,
                Map<String, String> form, FormErrors errors, String done);
    }

    private final PrivacyNotices notices;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public PrivacyNoticePages(PrivacyNotices notices, RegisterHistory history, SecurityIdentity identity) {
        this.notices = notices;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance list(@QueryParam("audience") String audience, @QueryParam("page") String page, @Context UriInfo uri) {
        int p = Pager.page(page);
        List<PrivacyNotices.Listed> rows = notices.page(Fields.filter("audience", audience, PrivacyNotice.Audience.class),
                Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1);
        List<Choice> audiences = new ArrayList<>();
        audiences.add(new Choice("", "All audiences", audience == null || audience.isEmpty()));
        audiences.addAll(audiences(audience));
        return Templates.notices(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), Pager.of(uri, p, PAGE_SIZE, rows.size()), audiences,
                canWrite());
    }

    /** The form for a new version; {@code ?audience=} picks the audience, as the "new version" link of a version does. */
    @GET
    @Path("/new")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    public TemplateInstance newForm(@QueryParam("audience") String audience) {
        return Templates.noticeForm(FormValues.of("review_interval_days", "365"), audiences(audience), FormErrors.none());
    }

    @POST
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("audience") String audience, @FormParam("version_label") String label, @FormParam("url") String url,
            @FormParam("published_at") String publishedAt, @FormParam("sha256") String sha256, @FormParam("text") String text,
            @FormParam("review_interval_days") String interval) {
        Map<String, String> form = FormValues.of("audience", audience, "version_label", label, "url", url, "published_at", publishedAt,
                "sha256", sha256, "text", text, "review_interval_days", interval);
        try {
            PrivacyNotice n = notices.create(new PrivacyNotices.NoticeRequest(audience, label, url, FormValues.timestamp(publishedAt),
                    sha256 == null || sha256.isBlank() ? null : sha256.strip(), text, FormValues.integer(interval)), actor());
            return Response.seeOther(URI.create(BASE + "/" + n.id() + "?done=created")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), Templates.noticeForm(form, audiences(audience), errors));
        }
    }

    @GET
    @Path("/{noticeId}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public TemplateInstance view(@PathParam("noticeId") String noticeId, @QueryParam("done") String done) {
        return page(id(noticeId), Map.of(), FormErrors.none(), "created".equals(done) ? "Version recorded."
                : "retracted".equals(done) ? "Version retracted." : null);
    }

    @POST
    @Path("/{noticeId}/retract")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retract(@PathParam("noticeId") String noticeId, @FormParam("reason") String reason) {
        long id = id(noticeId);
        try {
            notices.retract(id, new PrivacyNotices.RetractRequest(reason), actor());
            return Response.seeOther(URI.create(BASE + "/" + id + "?done=retracted")).build();
        } catch (DomainException e) {
            FormErrors errors = FormErrors.of(e);
            return DsrCasePages.page(errors.status(), page(id, FormValues.of("reason", reason), errors, null));
        }
    }

    private TemplateInstance page(long id, Map<String, String> form, FormErrors errors, String done) {
        PrivacyNotices.Listed n = notices.find(id).orElseThrow(() -> DomainException.notFound(PrivacyNotices.NOT_FOUND));
        return Templates.notice(n, notices.text(id).orElse(null), canWrite(),
                RegisterPages.revisions(history.history(RegisterHistory.Register.PRIVACY_NOTICE, id)), form, errors, done);
    }

    private static List<Choice> audiences(String current) {
        return Choice.of(List.of(PrivacyNotice.Audience.values()), PrivacyNotice.Audience::wire, a -> FormErrors.label(a.wire()), current);
    }

    private boolean canWrite() {
        return identity.hasRole(Role.PRIVACY) || identity.hasRole(Role.ADMIN);
    }

    private static long id(String raw) {
        return Fields.id(raw, PrivacyNotices.NOT_FOUND);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
