package org.trustledger.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.web.Problem;

@Path("/api/v1/staff/accounts")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StaffAccountResource {

    private final StaffAccounts accounts;
    private final GovernanceLog governance;
    private final SecurityIdentity identity;

    public StaffAccountResource(StaffAccounts accounts, GovernanceLog governance, SecurityIdentity identity) {
        this.accounts = accounts;
        this.governance = governance;
        this.identity = identity;
    }

    public record AccountView(String username, List<String> roles, boolean enabled, Instant createdAt, Instant lastLoginAt,
            Instant rolesReviewedAt) {
        static AccountView of(StaffAccount a) {
            return new AccountView(a.username, List.copyOf(new TreeSet<>(a.roleSet())), a.enabled, a.createdAt, a.lastLoginAt,
                    a.rolesReviewedAt);
        }
    }

    @GET
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewAccountRequest body) {
        String weakness = PasswordHasher.weakness(body.password());
        if (weakness != null) {
            return Problem.invalid(422, "The password is not acceptable.", List.of(new Problem.FieldError("password", weakness)))
                    .toResponse();
        }
        if (!accounts.create(body.username(), body.password(), Set.copyOf(body.roles()))) {
            return Problem.of(409, "An account with this username already exists.").toResponse();
        }
        governance.record(GovernanceLog.STAFF_ACCOUNT_CREATED, identity.getPrincipal().getName(), "staff:" + body.username(),
                Map.of("roles", List.copyOf(new TreeSet<>(body.roles()))));
        return Response.created(URI.create("/api/v1/staff/accounts/" + body.username()))
                .entity(new AccountView(body.username(), List.copyOf(new TreeSet<>(body.roles())), true, null, null, null))
                .build();
    }
}
