package org.trustledger.console;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.trustledger.collect.ServiceAccountAdmin;
import org.trustledger.collect.ServiceAccounts;
import org.trustledger.collect.ServiceTokens;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.web.Pager;
import org.trustledger.web.Problem;

/**
 * {@code /staff/accounts/services} (admin): service accounts (CI pipelines that push evidence) and their tokens, with
 * disable/enable and token revocation recorded as in {@code /api/v1/service-accounts}. Tokens are issued through that API
 * or, for one collector, on the collector's page: a secret is shown once, where it is created.
 */
@Path("/staff/accounts/services")
public class AccountsServicePages {

    static final int PAGE_SIZE = 50;

    /** A token as listed: {@code state} is live, expired or revoked. */
    public record TokenRow(long id, String label, List<String> scopes, Instant createdAt, String createdBy, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, String revokedBy, String state) {

        public boolean live() {
            return "live".equals(state);
        }
    }

    @CheckedTemplate(basePath = "console/accounts", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance services(List<ServiceAccounts.Account> accounts, Pager pager);

        static native TemplateInstance service(ServiceAccounts.Account account, List<TokenRow> tokens, Pager pager, String notice, String problem);
    }

    private final ServiceAccounts accounts;
    private final ServiceAccountAdmin admin;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AccountsServicePages(ServiceAccounts accounts, ServiceAccountAdmin admin, SecurityIdentity identity, Clock clock) {
        this.accounts = accounts;
        this.admin = admin;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Role.ADMIN)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance services(@QueryParam("page") String page, @Context UriInfo uri) {
        int p = Pager.page(page);
        List<ServiceAccounts.Account> fetched = admin.page(Pager.offset(p, PAGE_SIZE), PAGE_SIZE + 1);
        return Templates.services(fetched.stream().limit(PAGE_SIZE).toList(), Pager.of(uri, p, PAGE_SIZE, fetched.size()));
    }

    @GET
    @Path("/{serviceAccountId}")
    @RolesAllowed(Role.ADMIN)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance service(@PathParam("serviceAccountId") String serviceAccountId, @QueryParam("page") String page,
            @QueryParam("done") String done, @Context UriInfo uri) {
        return servicePage(find(serviceAccountId), Pager.page(page), uri, notice(done), null);
    }

    @POST
    @Path("/{serviceAccountId}/disable")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("serviceAccountId") String serviceAccountId) {
        ServiceAccounts.Account a = admin.setDisabled(actor(), find(serviceAccountId).id(), true);
        return done(a, "disabled");
    }

    @POST
    @Path("/{serviceAccountId}/enable")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("serviceAccountId") String serviceAccountId) {
        ServiceAccounts.Account a = admin.setDisabled(actor(), find(serviceAccountId).id(), false);
        return done(a, "enabled");
    }

    @POST
    @Path("/{serviceAccountId}/tokens/{serviceTokenId}/revoke")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("serviceAccountId") String serviceAccountId, @PathParam("serviceTokenId") String serviceTokenId,
            @Context UriInfo uri) {
        ServiceAccounts.Account a = find(serviceAccountId);
        try {
            admin.revokeToken(actor(), a.id(), id(serviceTokenId, "No such token for this service account."));
            return done(a, "revoked");
        } catch (DomainException e) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(servicePage(a, 1, uri, null, e.getMessage())).build();
        }
    }

    private TemplateInstance servicePage(ServiceAccounts.Account a, int page, UriInfo uri, String notice, String problem) {
        Instant now = clock.instant();
        List<ServiceTokens.AccountToken> fetched = admin.tokens(a.id(), Pager.offset(page, PAGE_SIZE), PAGE_SIZE + 1);
        List<TokenRow> rows = fetched.stream().limit(PAGE_SIZE).map(t -> new TokenRow(t.id(), t.label(), t.scopes(), t.createdAt(),
                t.createdBy(), t.expiresAt(), t.lastUsedAt(), t.revokedAt(), t.revokedBy(),
                t.revokedAt() != null ? "revoked" : t.expiresAt().isAfter(now) ? "live" : "expired")).toList();
        return Templates.service(a, rows, Pager.of(uri, page, PAGE_SIZE, fetched.size()), notice, problem);
    }

    private static Response done(ServiceAccounts.Account a, String what) {
        return Response.seeOther(URI.create("/staff/accounts/services/" + a.id() + "?done=" + what)).build();
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "revoked" -> "Token revoked: pushes with it are refused from now on.";
            case "disabled" -> "Service account disabled: all its tokens are refused until it is enabled again.";
            case "enabled" -> "Service account enabled: its live tokens work again.";
            default -> null;
        };
    }

    private ServiceAccounts.Account find(String serviceAccountId) {
        return accounts.find(id(serviceAccountId, "No such service account."))
                .orElseThrow(() -> Problem.Exception.of(404, "No such service account."));
    }

    private static long id(String raw, String notFound) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,17}")) {
            throw Problem.Exception.of(404, notFound);
        }
        return Long.parseLong(raw);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
