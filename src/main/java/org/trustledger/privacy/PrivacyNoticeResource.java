package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;

/**
 * Privacy-notice versions (GDPR Art. 13, 14). Privacy and admin staff publish and retract; compliance and
 * auditors read. There is no update: a change is a new version.
 */
@Path("/api/v1/privacy-notices")
@RolesAllowed({Role.PRIVACY, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyNoticeResource {

    /** A version in lists, without its text. */
    public record NoticeView(@JsonUnwrapped PrivacyNotice notice, PrivacyNotice.State state, Instant reviewDueAt) {
        static NoticeView of(PrivacyNotices.Listed l) {
            return new NoticeView(l.notice(), l.state(), l.notice().reviewDueAt());
        }
    }

    /** One version with its text (when it was given) and its history. */
    public record NoticeDetail(@JsonUnwrapped PrivacyNotice notice, PrivacyNotice.State state, Instant reviewDueAt, String text,
            List<RegisterHistory.Revision> history) {
    }

    private final PrivacyNotices notices;
    private final RegisterHistory history;
    private final SecurityIdentity identity;

    public PrivacyNoticeResource(PrivacyNotices notices, RegisterHistory history, SecurityIdentity identity) {
        this.notices = notices;
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<NoticeView> list(@QueryParam("audience") String audience) {
        return notices.list(Fields.filter("audience", audience, PrivacyNotice.Audience.class)).stream().map(NoticeView::of).toList();
    }

    /** The version in force for each audience that has one: the latest published at or before now, not retracted. */
    @GET
    @Path("/current")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<NoticeView> current() {
        return notices.current().stream().map(NoticeView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull PrivacyNotices.NoticeRequest body) {
        PrivacyNotice n = notices.create(body, actor());
        return Response.created(URI.create("/api/v1/privacy-notices/" + n.id())).entity(detail(n.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public NoticeDetail get(@PathParam("id") String id) {
        return detail(Fields.id(id, PrivacyNotices.NOT_FOUND));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.PRIVACY, Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    public List<RegisterHistory.Revision> history(@PathParam("id") String id) {
        List<RegisterHistory.Revision> revisions = history.history(RegisterHistory.Register.PRIVACY_NOTICE,
                Fields.id(id, PrivacyNotices.NOT_FOUND));
        if (revisions.isEmpty()) {
            throw DomainException.notFound(PrivacyNotices.NOT_FOUND);
        }
        return revisions;
    }

    /** Withdraws a version dated in the future, with the reason. */
    @POST
    @Path("/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    public NoticeDetail retract(@PathParam("id") String id, @Valid @NotNull PrivacyNotices.RetractRequest body) {
        long noticeId = Fields.id(id, PrivacyNotices.NOT_FOUND);
        notices.retract(noticeId, body, actor());
        return detail(noticeId);
    }

    private NoticeDetail detail(long id) {
        PrivacyNotices.Listed l = notices.find(id).orElseThrow(() -> DomainException.notFound(PrivacyNotices.NOT_FOUND));
        return new NoticeDetail(l.notice(), l.state(), l.notice().reviewDueAt(), notices.text(id).orElse(null),
                history.history(RegisterHistory.Register.PRIVACY_NOTICE, id));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
