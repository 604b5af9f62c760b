package org.trustledger.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF tokens for every console page. quarkus-rest-csrf only issues a token on the exact paths of
 * {@code quarkus.rest-csrf.create-token-path}, and console pages have ids in their paths ({@code /staff/gaps/42}), so
 * this filter gives every other page under {@code /staff} the token the extension reads and checks: the one in the
 * {@code csrf-token} cookie, or a new one set in that cookie. The extension still verifies every form post.
 * Public pages get no cookie (only the request form's own path does). Pre-matching, so error pages for unknown console
 * paths have a token for their sign-out form too.
 */
public class ConsoleCsrf {

    /** The routing-context keys quarkus-rest-csrf reads for {@code inject:csrf.token} and its checks. */
    private static final String TOKEN_KEY = "csrf_token";
    private static final String TOKEN_BYTES_KEY = "csrf_token_bytes";
    private static final int TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String cookieName;
    private final Set<String> extensionPaths;
    private final ClientIp clientIp;

    public ConsoleCsrf(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.create-token-path") Optional<List<String>> extensionPaths, ClientIp clientIp) {
        this.cookieName = cookieName;
        this.extensionPaths = Set.copyOf(extensionPaths.orElse(List.of()));
        this.clientIp = clientIp;
    }

    @ServerRequestFilter(preMatching = true)
    public void issue(ContainerRequestContext request, RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // Every method, not only GET: a refused console post (403 before the CSRF check runs, 400, 404) is answered with
        // the error page, whose layout carries the sign-out form and so needs the token too. The extension still verifies
        // every post's field against the cookie; this only makes the cookie's value available to the page.
        if (!(path.equals("/staff") || path.startsWith("/staff/"))
                || extensionPaths.contains(path) || ctx.get(TOKEN_KEY) != null) {
            return;
        }
        Cookie existing = ctx.request().getCookie(cookieName);
        byte[] bytes = existing == null ? null : decode(existing.getValue());
        if (bytes == null) {
            bytes = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(bytes);
            ctx.response().addCookie(Cookie.cookie(cookieName, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                    .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(clientIp.isHttps(ctx.request()))
                    .setMaxAge(7200));
        }
        ctx.put(TOKEN_BYTES_KEY, bytes);
        ctx.put(TOKEN_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static byte[] decode(String value) {
        try {
            byte[] b = Base64.getUrlDecoder().decode(value);
            return b.length == TOKEN_BYTES ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
