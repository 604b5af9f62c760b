package org.trustledger.console;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.staff.NewAccountRequest;
import org.trustledger.staff.StaffAccounts;
import org.trustledger.web.Pager;
import org.trustledger.web.Problem;

/**
 * {@code /staff/accounts} (admin): staff accounts, created and changed through {@link StaffAccounts}, which checks and
 * records every change exactly as for the JSON API. Service accounts are on {@link AccountsServicePages}.
 */
@Path("/staff/accounts")
public class AccountsPages {

    static final int PAGE_SIZE = 50;
    static final List<String> ROLES = List.of(Role.ADMIN, Role.COMPLIANCE, Role.PRIVACY, Role.AUDITOR);
    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,62}";

    /** A role checkbox. */
    public record RoleChoice(String value, boolean checked) {
    }

    /** The new-account form as typed (never the password) and its errors by field; {@code problem} is for the whole form. */
    public record NewForm(String username, List<RoleChoice> roles) {
    }

    public record NewErrors(String username, String password, String roles, String problem) {
        static final NewErrors NONE = new NewErrors(null, null, null, null);
    }

    /** Errors of the forms on an account's page: its roles form, its password form, or the page as a whole. */
    public record AccountErrors(String roles, String password, String problem) {
        static final AccountErrors NONE = new AccountErrors(null, null, null);
    }

    @CheckedTemplate(basePath = "console/accounts", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance list(List<StaffAccounts.Account> accounts, Pager pager, NewForm form, NewErrors errors, String notice);

        static native TemplateInstance staff(StaffAccounts.Account account, List<RoleChoice> roles, AccountErrors errors, String notice,
                boolean self);
    }

    private final StaffAccounts accounts;
    private final SecurityIdentity identity;

    public AccountsPages(StaffAccounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Role.ADMIN)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("page") String page, @Context UriInfo uri) {
        return listPage(Pager.page(page), uri, new NewForm(null, choices(List.of())), NewErrors.NONE);
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("roles") List<String> roles, @Context UriInfo uri) {
        try {
            StaffAccounts.Account a = accounts.add(actor(), new NewAccountRequest(username, password, roles == null ? List.of() : roles));
            return Response.seeOther(URI.create("/staff/accounts/staff/" + a.username() + "?done=created")).build();
        } catch (DomainException e) {
            Map<String, String> f = fields(e);
            NewErrors errors = new NewErrors(f.get("username"), f.get("password"), f.get("roles"), f.isEmpty() ? e.getMessage() : null);
            return Response.status(status(e)).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(1, uri, new NewForm(username, choices(roles)), errors)).build();
        }
    }

    @GET
    @Path("/staff/{username}")
    @RolesAllowed(Role.ADMIN)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance account(@PathParam("username") String username, @QueryParam("done") String done) {
        StaffAccounts.Account a = find(username);
        return page(a, choices(a.roles()), AccountErrors.NONE, notice(done));
    }

    @POST
    @Path("/staff/{username}/roles")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response roles(@PathParam("username") String username, @FormParam("roles") List<String> roles) {
        StaffAccounts.Account a = find(username);
        try {
            accounts.changeRoles(actor(), a.username(), roles == null ? List.of() : roles);
            return done(a, "roles");
        } catch (DomainException e) {
            return Response.status(status(e)).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(a, choices(roles), new AccountErrors(reason(e, "roles"), null, null), null)).build();
        }
    }

    @POST
    @Path("/staff/{username}/disable")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response disable(@PathParam("username") String username) {
        return setEnabled(username, false);
    }

    @POST
    @Path("/staff/{username}/enable")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response enable(@PathParam("username") String username) {
        return setEnabled(username, true);
    }

    @POST
    @Path("/staff/{username}/password")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response password(@PathParam("username") String username, @FormParam("password") String password) {
        StaffAccounts.Account a = find(username);
        try {
            accounts.resetPassword(actor(), a.username(), password);
            // Resetting one's own password ends one's own session too: sign in again with the new one.
            return a.username().equals(actor()) ? Response.seeOther(URI.create("/staff/login")).build() : done(a, "password");
        } catch (DomainException e) {
            return Response.status(status(e)).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(a, choices(a.roles()), new AccountErrors(null, reason(e, "password"), null), null)).build();
        }
    }

    private Response setEnabled(String username, boolean enabled) {
        StaffAccounts.Account a = find(username);
        try {
            accounts.setEnabled(actor(), a.username(), enabled);
            return done(a, enabled ? "enabled" : "disabled");
        } catch (DomainException e) {
            return Response.status(status(e)).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(a, choices(a.roles()), new AccountErrors(null, null, e.getMessage()), null)).build();
        }
    }

    private TemplateInstance listPage(int page, UriInfo uri, NewForm form, NewErrors errors) {
        List<StaffAccounts.Account> fetched = accounts.page(Pager.offset(page, PAGE_SIZE), PAGE_SIZE + 1);
        return Templates.list(fetched.stream().limit(PAGE_SIZE).toList(), Pager.of(uri, page, PAGE_SIZE, fetched.size()), form, errors, null);
    }

    private TemplateInstance page(StaffAccounts.Account a, List<RoleChoice> roles, AccountErrors errors, String notice) {
        return Templates.staff(a, roles, errors, notice, a.username().equals(actor()));
    }

    private static Response done(StaffAccounts.Account a, String what) {
        return Response.seeOther(URI.create("/staff/accounts/staff/" + a.username() + "?done=" + what)).build();
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Account created. Give its user the password through a channel you trust.";
            case "roles" -> "Roles saved; they apply from the user's next request.";
            case "disabled" -> "Account disabled; its sessions have ended.";
            case "enabled" -> "Account enabled.";
            case "password" -> "Password reset; the account's sessions have ended.";
            default -> null;
        };
    }

    private StaffAccounts.Account find(String username) {
        if (username == null || !username.matches(USERNAME)) {
            throw Problem.Exception.of(404, "No such staff account.");
        }
        return accounts.find(username).orElseThrow(() -> Problem.Exception.of(404, "No such staff account."));
    }

    private static List<RoleChoice> choices(List<String> checked) {
        List<String> held = checked == null ? List.of() : checked;
        return ROLES.stream().map(r -> new RoleChoice(r, held.contains(r))).toList();
    }

    private static Map<String, String> fields(DomainException e) {
        Map<String, String> byField = new HashMap<>();
        e.violations().forEach(v -> byField.putIfAbsent(v.field(), v.reason()));
        return byField;
    }

    /** What to print beside a field: the field's own reason for bad input, the whole sentence for a refusal (409). */
    private static String reason(DomainException e, String field) {
        String own = fields(e).get(field);
        return own != null && e.kind() != DomainException.Kind.CONFLICT ? own : e.getMessage();
    }

    private static int status(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case GONE -> 410;
            case UNPROCESSABLE -> 422;
        };
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
