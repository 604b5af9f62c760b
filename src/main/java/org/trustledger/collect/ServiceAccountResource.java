package org.trustledger.collect;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.web.Problem;

/** Admin API of service accounts and their scoped, expiring tokens. Every change is a governance event. */
@Path("/api/v1/service-accounts")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAccountResource {

    private final ServiceAccounts accounts;
    private final ServiceTokens tokens;
    private final CollectorRegistry registry;
    private final CollectorsConfig config;
    private final GovernanceLog governance;
    private final ServiceAccountAdmin admin;
    private final SecurityIdentity identity;

    public ServiceAccountResource(ServiceAccounts accounts, ServiceTokens tokens, CollectorRegistry registry, CollectorsConfig config,
            GovernanceLog governance, ServiceAccountAdmin admin, SecurityIdentity identity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.registry = registry;
        this.config = config;
        this.governance = governance;
        this.admin = admin;
        this.identity = identity;
    }

    public record NewAccount(
            @NotBlank(message = "is required")
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,62}$", message = "must be 2-63 lower-case letters, digits, '.', '_' or '-'") String name,
            @Size(max = 500, message = "must be at most 500 characters")
            @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters") String description) {
    }

    public record NewAccountToken(
            @NotEmpty(message = "must name at least one collector:<id>") @Size(max = 50, message = "must be at most 50 scopes")
            List<@NotBlank(message = "must not be blank") String> scopes,
            @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters") String label,
            @Min(value = 1, message = "must be at least 1") @Max(value = 365, message = "must be at most 365") Integer expiresInDays) {
    }

    public record AccountDetails(ServiceAccounts.Account account, List<ServiceTokens.AccountToken> tokens) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewAccount body) {
        String description = body.description() == null || body.description().isBlank() ? null : body.description().strip();
        ServiceAccounts.Account a = accounts.create(body.name(), description, username())
                .orElseThrow(() -> Problem.Exception.of(409, "A service account with this name exists."));
        governance.record(GovernanceLog.SERVICE_ACCOUNT_CHANGED, username(), "service:" + a.name(), Map.of("action", "created"));
        return Response.created(URI.create("/api/v1/service-accounts/" + a.id())).entity(a).build();
    }

    @GET
    public List<ServiceAccounts.Account> list() {
        return accounts.list();
    }

    @GET
    @Path("/{id}")
    public AccountDetails get(@PathParam("id") String id) {
        ServiceAccounts.Account a = account(id);
        return new AccountDetails(a, tokens.listForAccount(a.id()));
    }

    @POST
    @Path("/{id}/disable")
    public ServiceAccounts.Account disable(@PathParam("id") String id) {
        return setDisabled(id, true);
    }

    @POST
    @Path("/{id}/enable")
    public ServiceAccounts.Account enable(@PathParam("id") String id) {
        return setDisabled(id, false);
    }

    private ServiceAccounts.Account setDisabled(String id, boolean disabled) {
        return admin.setDisabled(username(), account(id).id(), disabled);
    }

    @POST
    @Path("/{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issueToken(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") NewAccountToken body) {
        ServiceAccounts.Account a = account(id);
        List<String> collectors = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String scope : new LinkedHashSet<>(body.scopes())) {
            String cid = scope.startsWith(ServiceTokens.SCOPE_PREFIX) ? scope.substring(ServiceTokens.SCOPE_PREFIX.length()) : null;
            var d = cid == null ? null : registry.find(cid).orElse(null);
            if (d == null) {
                errors.add(new Problem.FieldError("scopes", "'" + scope + "' is not collector:<id> of a loaded collector"));
            } else if (!d.type().equals("pushed")) {
                errors.add(new Problem.FieldError("scopes", "collector " + cid + " is of type " + d.type() + " and does not accept pushed evidence"));
            } else {
                collectors.add(cid);
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem.Exception(Problem.invalid(422, "The token scopes are invalid.", errors));
        }
        Duration lifetime = body.expiresInDays() == null ? config.tokenDefaultLifetime() : Duration.ofDays(body.expiresInDays());
        if (lifetime.compareTo(config.tokenMaxLifetime()) > 0) {
            throw new Problem.Exception(Problem.invalid(422, "The token lifetime is too long.",
                    List.of(new Problem.FieldError("expires_in_days", "must be at most " + config.tokenMaxLifetime().toDays()))));
        }
        String label = body.label() == null || body.label().isBlank() ? a.name() : body.label().strip();
        ServiceTokens.IssuedForAccount issued = tokens.issueForAccount(a.id(), collectors, label, lifetime, username());
        governance.record(GovernanceLog.SERVICE_ACCOUNT_CHANGED, username(), "service:" + a.name(), Map.of("action", "token_issued",
                "token_id", issued.token().id(), "scopes", issued.token().scopes(), "expires_at", issued.token().expiresAt().toString()));
        return Response.created(URI.create("/api/v1/service-accounts/" + a.id() + "/tokens/" + issued.token().id()))
                .entity(Map.of("token", issued.secret(), "details", issued.token(),
                        "note", "The token is shown only now; TrustLedger keeps only its SHA-256."))
                .build();
    }

    @GET
    @Path("/{id}/tokens")
    public List<ServiceTokens.AccountToken> listTokens(@PathParam("id") String id) {
        return tokens.listForAccount(account(id).id());
    }

    @DELETE
    @Path("/{id}/tokens/{tokenId}")
    public ServiceTokens.AccountToken revokeToken(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
        return admin.revokeToken(username(), account(id).id(), parseId(tokenId, "token"));
    }

    private ServiceAccounts.Account account(String id) {
        return accounts.find(parseId(id, "service account")).orElseThrow(() -> Problem.Exception.of(404, "No such service account."));
    }

    private static long parseId(String s, String what) {
        if (s == null || !s.matches("\\d{1,18}")) {
            throw Problem.Exception.of(404, "No such " + what + ".");
        }
        return Long.parseLong(s);
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}
