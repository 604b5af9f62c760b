package org.trustledger.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The last word on error responses. Filters that abort a request (the CSRF filter, for one) answer with a bare status:
 * give those the same problem+json body as the rest. And a browser under {@code /staff} never sees problem+json: it
 * asked for HTML, so it gets the console's error page with navigation, or the sign-in page when it is not signed in.
 * A client that asks only for JSON keeps problem+json.
 */
public class ErrorBodies {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final Template error;
    private final CurrentVertxRequest current;
    private final String csrfCookie;
    private final ClientIp clientIp;

    public ErrorBodies(@Location("console/error.html") Template error, CurrentVertxRequest current,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie, ClientIp clientIp) {
        this.error = error;
        this.current = current;
        this.csrfCookie = csrfCookie;
        this.clientIp = clientIp;
    }

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            return;
        }
        if (!response.hasEntity()) {
            String detail = status == 400 ? "The request was rejected: a form must carry a valid CSRF token, and the body must be well-formed."
                    : HttpStatusTitles.title(status) + ".";
            response.setEntity(Problem.of(status, detail), null, Problem.MEDIA);
        }
        if (response.getEntity() instanceof Problem problem && isConsole(request) && wantsHtml(request)) {
            if (status == 401) {
                response.setStatus(303);
                response.setEntity(null);
                response.getHeaders().putSingle("Location", signInFor(request));
                return;
            }
            if (current.getCurrent() != null) {
                ConsoleCsrf.ensureToken(current.getCurrent(), csrfCookie, clientIp);
            }
            response.setEntity(error.data("problem", problem).data("title", HttpStatusTitles.title(status)).render(), null, HTML);
        }
    }

    private static boolean isConsole(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("/staff") || path.startsWith("/staff/");
    }

    /** Everything under /staff is a page: only a client that names JSON types and not HTML gets problem+json there. */
    private static boolean wantsHtml(ContainerRequestContext request) {
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        return accepted.isEmpty() || accepted.stream().anyMatch(m -> m.isWildcardType() || m.getType().equals("text") && m.getSubtype().equals("html"));
    }

    /** Back to the page after signing in, for reads; a refused form post starts again from the dashboard. */
    private static URI signInFor(ContainerRequestContext request) {
        String next = "/staff";
        if ("GET".equals(request.getMethod())) {
            URI u = request.getUriInfo().getRequestUri();
            next = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
        return URI.create("/staff/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
}
