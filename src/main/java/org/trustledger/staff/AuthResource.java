package org.trustledger.staff;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.TreeSet;
import org.trustledger.web.ClientIp;
import org.trustledger.web.Problem;

@Path("/api/v1/auth")
public class AuthResource {

    private final LoginService login;
    private final StaffConfig config;
    private final ClientIp clientIp;
    private final SecurityIdentity identity;

    public AuthResource(LoginService login, StaffConfig config, ClientIp clientIp, SecurityIdentity identity) {
        this.login = login;
        this.config = config;
        this.clientIp = clientIp;
        this.identity = identity;
    }

    public record Me(String username, List<String> roles) {
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@Valid @NotNull(message = "a JSON body is required") LoginRequest body, @Context HttpServerRequest request) {
        LoginService.Outcome outcome = login.login(body.username(), body.password(), clientIp.resolve(request));
        if (outcome instanceof LoginService.LoggedIn ok) {
            return Response.noContent()
                    .cookie(SessionCookie.issue(ok.sessionToken(), config.sessionLifetime(), clientIp.isHttps(request)))
                    .build();
        }
        if (outcome instanceof LoginService.Throttled t) {
            return Response.fromResponse(Problem.of(429, "Too many failed logins; try again later.").toResponse())
                    .header("Retry-After", Math.max(1, t.retryAfter().toSeconds()))
                    .build();
        }
        return Problem.of(401, "Wrong username or password.").toResponse();
    }

    @POST
    @Path("/logout")
    public Response logout(@Context HttpServerRequest request) {
        login.logout(request.getCookie(StaffSessions.COOKIE), identity);
        return Response.noContent().cookie(SessionCookie.expire(clientIp.isHttps(request))).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(identity.getPrincipal().getName(), List.copyOf(new TreeSet<>(identity.getRoles())));
    }
}
