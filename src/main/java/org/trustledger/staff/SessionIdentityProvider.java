package org.trustledger.staff;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a session token into the staff member's identity and roles, read fresh from PostgreSQL. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final StaffSessions sessions;

    public SessionIdentityProvider(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!SessionAuthenticationMechanism.SESSION_TOKEN_TYPE.equals(request.getToken().getType())) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> sessions.lookup(request.getToken().getToken())
                .map(p -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(p.username()))
                        .addRoles(p.roles())
                        .addAttribute("account_id", p.accountId())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("no such session")));
    }
}
