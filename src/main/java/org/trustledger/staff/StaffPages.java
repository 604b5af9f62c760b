package org.trustledger.staff;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.trustledger.web.ClientIp;

/** The HTML side of staff sign-in and sign-out (the console itself starts at {@code console.DashboardPage}); forms carry a CSRF token checked by quarkus-rest-csrf. */
@Path("/staff")
public class StaffPages {

    @CheckedTemplate(basePath = "staff", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance login(String next, String error);
    }

    private final LoginService login;
    private final StaffConfig config;
    private final ClientIp clientIp;
    private final SecurityIdentity identity;

    public StaffPages(LoginService login, StaffConfig config, ClientIp clientIp, SecurityIdentity identity) {
        this.login = login;
        this.config = config;
        this.clientIp = clientIp;
        this.identity = identity;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance loginForm(@QueryParam("next") String next) {
        return Templates.login(SafeRedirect.of(next), null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response loginSubmit(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next, @Context HttpServerRequest request) {
        String target = SafeRedirect.of(next);
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 256) {
            return Response.status(400).entity(Templates.login(target, "Enter your username and password.")).build();
        }
        LoginService.Outcome outcome = login.login(username, password, clientIp.resolve(request));
        if (outcome instanceof LoginService.LoggedIn ok) {
            return Response.seeOther(URI.create(target))
                    .cookie(SessionCookie.issue(ok.sessionToken(), config.sessionLifetime(), clientIp.isHttps(request)))
                    .build();
        }
        if (outcome instanceof LoginService.Throttled t) {
            return Response.status(429).header("Retry-After", Math.max(1, t.retryAfter().toSeconds()))
                    .entity(Templates.login(target, "Too many failed sign-ins. Try again later.")).build();
        }
        return Response.status(401).entity(Templates.login(target, "Wrong username or password.")).build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@Context HttpServerRequest request) {
        login.logout(request.getCookie(StaffSessions.COOKIE), identity);
        return Response.seeOther(URI.create("/staff/login")).cookie(SessionCookie.expire(clientIp.isHttps(request))).build();
    }
}
