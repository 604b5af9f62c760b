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
import org.trustledger.common.Role;

/** Admin API of staff accounts; the rules and governance events live in {@link StaffAccounts}, shared with the console. */
@Path("/api/v1/staff/accounts")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StaffAccountResource {

    private final StaffAccounts accounts;
    private final SecurityIdentity identity;

    public StaffAccountResource(StaffAccounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    public record AccountView(String username, List<String> roles, boolean enabled, Instant createdAt, Instant lastLoginAt,
            Instant rolesReviewedAt) {
        static AccountView of(StaffAccounts.Account a) {
            return new AccountView(a.username(), a.roles(), a.enabled(), a.createdAt(), a.lastLoginAt(), a.rolesReviewedAt());
        }
    }

    @GET
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewAccountRequest body) {
        StaffAccounts.Account a = accounts.add(identity.getPrincipal().getName(), body);
        return Response.created(URI.create("/api/v1/staff/accounts/" + a.username()))
                .entity(new AccountView(a.username(), a.roles(), true, null, null, null))
                .build();
    }
}
