package org.trustledger.staff;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.web.ClientIp;
import org.trustledger.web.Problem;

/**
 * Single sign-on landing point. Only the OIDC authorization-code mechanism guards this path
 * ({@code quarkus.http.auth.permission.sso.*}); once the IdP round trip is done it exchanges the OIDC
 * identity for an ordinary TrustLedger session and sends the browser to the staff pages.
 */
@Path(SsoResource.PATH)
public class SsoResource {

    public static final String PATH = "/staff/sso";

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    private final SsoLogin sso;
    private final OidcLoginConfig oidc;
    private final StaffSessions sessions;
    private final StaffConfig config;
    private final ClientIp clientIp;
    private final GovernanceLog governance;

    public SsoResource(SsoLogin sso, OidcLoginConfig oidc, StaffSessions sessions, StaffConfig config, ClientIp clientIp,
            GovernanceLog governance) {
        this.sso = sso;
        this.oidc = oidc;
        this.sessions = sessions;
        this.config = config;
        this.clientIp = clientIp;
        this.governance = governance;
    }

    @io.quarkus.qute.CheckedTemplate(basePath = "staff", requireTypeSafeExpressions = true)
    static class Templates {
        static native io.quarkus.qute.TemplateInstance signedIn(String username);
    }

    @GET
    @Authenticated
    public Response signIn(@Context HttpServerRequest request) {
        String issuer = idToken.getIssuer();
        String subject = idToken.getSubject();
        if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
            return Problem.of(403, "The identity provider did not name an issuer and a subject.").toResponse();
        }
        Set<String> roles = sso.mapRoles(idToken.getClaim(oidc.roleClaim()));
        SsoLogin.Outcome outcome = sso.login(issuer, subject, idToken.getClaim("preferred_username"), roles);
        if (outcome instanceof SsoLogin.Refused refused) {
            return Problem.of(403, refused.reason()).toResponse();
        }
        StaffAccount account = ((SsoLogin.LoggedIn) outcome).account();
        // From here on tl_session is the only credential: drop the OIDC session cookie, or after a TrustLedger logout
        // the next visit to this path would open a new session without asking the identity provider.
        oidcSession.logout().await().indefinitely();
        String token = sessions.open(account);
        governance.record(GovernanceLog.LOGIN, account.username, null, Map.of("method", "oidc"));
        // A page of our own rather than a redirect: the request that arrives here started on the IdP's site, and
        // browsers withhold SameSite=Strict cookies on the rest of such a redirect chain; a same-site navigation
        // from this page carries the new session.
        return Response.ok(Templates.signedIn(account.username), "text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .cookie(SessionCookie.issue(token, config.sessionLifetime(), clientIp.isHttps(request)))
                .build();
    }
}
