package org.trustledger.ledger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.trustledger.common.Role;
import org.trustledger.web.Pager;

/**
 * {@code /staff/ledger}: the checkpoint, the signing keys, the manifests of a window of days with "seal" for a missed
 * day, and the full verification with its last result. Roles are the JSON API's: reading and verifying as
 * {@link LedgerStaffResource}, sealing as {@link ManifestResource#seal}; both actions go through the same services.
 */
@Path("/staff/ledger")
public class LedgerPages {

    /** Days per page of the manifest list. */
    static final int DAYS = 60;

    @CheckedTemplate(basePath = "console/ledger", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance ledger(View view);
    }

    /** A refused seal: the day as given, and why. */
    public record SealError(String day, String message) {
    }

    public record View(LedgerOverview.CheckpointView checkpoint, List<LedgerOverview.KeyView> keys, LedgerOverview.Window window, Pager pager,
            LedgerVerification.Recorded verification, boolean maySeal, LocalDate sealedNotice, boolean verifiedNotice, SealError sealError) {

        /** Whether the row of {@code day} is the one a refused seal was for. */
        public boolean refused(LocalDate day) {
            return sealError != null && sealError.day().equals(day.toString());
        }
    }

    private final LedgerOverview overview;
    private final LedgerVerification verification;
    private final LedgerManifests manifests;
    private final SecurityIdentity identity;
    private final Clock clock;

    public LedgerPages(LedgerOverview overview, LedgerVerification verification, LedgerManifests manifests, SecurityIdentity identity,
            Clock clock) {
        this.overview = overview;
        this.verification = verification;
        this.manifests = manifests;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("page") String pageParam, @QueryParam("sealed") String sealed,
            @QueryParam("verified") String verified) {
        return view(Pager.page(pageParam), notice(sealed), "1".equals(verified), null);
    }

    /** The full verification, recorded as a governance event; the page then shows its result. */
    @POST
    @Path("/verify")
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify() {
        verification.run(identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/staff/ledger?verified=1#verification")).build();
    }

    /** Seals a past day and every unsealed day before it, as {@code POST /api/v1/manifests/{date}/seal} does. */
    @POST
    @Path("/manifests/{day}/seal")
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response seal(@PathParam("day") String dayParam) {
        LocalDate day;
        try {
            day = LocalDate.parse(dayParam);
        } catch (DateTimeParseException e) {
            return refused(400, 1, new SealError(dayParam, "Not a day: use the form 2026-12-01."));
        }
        try {
            manifests.seal(day, identity.getPrincipal().getName());
        } catch (ManifestSealer.DayNotEndedException | ManifestSealer.BeforeFirstManifestException e) {
            return refused(409, pageOf(day), new SealError(day.toString(), e.getMessage()));
        }
        return Response.seeOther(URI.create("/staff/ledger?sealed=" + day + (pageOf(day) > 1 ? "&page=" + pageOf(day) : "") + "#day-" + day))
                .build();
    }

    private Response refused(int status, int page, SealError error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(view(page, null, false, error)).build();
    }

    private TemplateInstance view(int page, LocalDate sealedNotice, boolean verifiedNotice, SealError error) {
        LedgerOverview.Window window = overview.window(today(), page, DAYS);
        // Built here rather than from the request URI: a refused seal re-renders this page from the seal action's path.
        Pager pager = new Pager(page, DAYS, window.older(), page > 1 ? "/staff/ledger?page=" + (page - 1) : null,
                window.older() ? "/staff/ledger?page=" + (page + 1) : null);
        boolean maySeal = identity.hasRole(Role.ADMIN) || identity.hasRole(Role.COMPLIANCE);
        return Templates.ledger(new View(overview.checkpoint(), overview.keys(), window, pager, verification.latest().orElse(null), maySeal,
                sealedNotice, verifiedNotice, error));
    }

    /** The page of the manifest list that shows {@code day} (page 1 for days out of range). */
    private int pageOf(LocalDate day) {
        long back = ChronoUnit.DAYS.between(day, today());
        return back < 0 || back / DAYS + 1 > Pager.MAX_PAGE ? 1 : (int) (back / DAYS + 1);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** {@code ?sealed=} is only a notice: anything but a day is ignored. */
    private static LocalDate notice(String sealed) {
        try {
            return sealed == null ? null : LocalDate.parse(sealed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
