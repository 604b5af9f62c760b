package org.trustledger.ledger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trustledger.common.Role;
import org.trustledger.web.Pager;

/**
 * {@code /staff/activity}: the governance event log, newest first, filtered by actor, kind and a range of days, 50 per
 * page, each event with its chain hash. Roles are those of the governance events API ({@link LedgerStaffResource}). The
 * filter form is a GET form (it changes nothing, so it carries no CSRF token that would end up in URLs); invalid
 * filters come back as the same page with status 400 and the fields marked.
 */
@Path("/staff/activity")
public class ActivityPages {

    static final int SIZE = 50;
    private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    @CheckedTemplate(basePath = "console/activity", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance activity(Form form, Errors errors, List<String> kinds, List<GovernanceSearch.Row> rows, Pager pager);
    }

    /** The filters as typed, kept for the form. */
    public record Form(String actor, String kind, String from, String to) {

        public boolean filtered() {
            return actor != null || kind != null || from != null || to != null;
        }
    }

    /** Per-field messages; null where the field is fine. */
    public record Errors(String actor, String kind, String from, String to) {

        public boolean any() {
            return actor != null || kind != null || from != null || to != null;
        }

        /** A date input cannot hold a value that is not a date: an invalid one is kept in a text input instead. */
        public String fromType() {
            return from == null ? "date" : "text";
        }

        public String toType() {
            return to == null ? "date" : "text";
        }
    }

    private final GovernanceSearch search;

    public ActivityPages(GovernanceSearch search) {
        this.search = search;
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("actor") String actorParam, @QueryParam("kind") String kindParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @QueryParam("page") String pageParam, @Context UriInfo uri) {
        int page = Pager.page(pageParam);
        Form form = new Form(blankToNull(actorParam), blankToNull(kindParam), blankToNull(fromParam), blankToNull(toParam));
        String actorError = form.actor() != null && form.actor().length() > GovernanceChain.MAX_ACTOR
                ? "must be at most " + GovernanceChain.MAX_ACTOR + " characters" : null;
        String kindError = form.kind() != null && !KIND.matcher(form.kind()).matches() ? "is not an event kind" : null;
        LocalDate from = null;
        LocalDate to = null;
        String fromError = null;
        String toError = null;
        try {
            from = form.from() == null ? null : LocalDate.parse(form.from());
        } catch (DateTimeParseException e) {
            fromError = "must be a date such as 2026-12-01";
        }
        try {
            to = form.to() == null ? null : LocalDate.parse(form.to());
        } catch (DateTimeParseException e) {
            toError = "must be a date such as 2026-12-01";
        }
        if (from != null && to != null && to.isBefore(from)) {
            toError = "must not be before the first day";
        }
        Errors errors = new Errors(actorError, kindError, fromError, toError);
        List<String> kinds = new ArrayList<>(search.kinds());
        if (form.kind() != null && !kinds.contains(form.kind())) {
            kinds.add(0, form.kind()); // keep what was chosen selectable, even when no event has that kind (yet)
        }
        if (errors.any()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.activity(form, errors, kinds, List.of(), null)).build();
        }
        List<GovernanceSearch.Row> rows = search.search(new GovernanceSearch.Filter(form.actor(), form.kind(), from, to),
                Pager.offset(page, SIZE), SIZE + 1);
        Pager pager = Pager.of(uri, page, SIZE, rows.size());
        return Response.ok(Templates.activity(form, errors, kinds, rows.subList(0, Math.min(rows.size(), SIZE)), pager),
                MediaType.TEXT_HTML_TYPE).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
