package org.trustledger.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Puts the security headers (CSP, HSTS, framing, sniffing, referrer) on every response the HTTP server
 * writes (pages, JSON, static files, errors, /q endpoints), so no route can forget them, and turns every
 * error that never reached a Jakarta REST exception mapper into problem+json.
 */
@ApplicationScoped
public class HttpHardening {

    private static final Logger LOG = Logger.getLogger(HttpHardening.class);

    private final long maxBodyBytes;

    public HttpHardening(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::secureHeaders);
        // NetworkAllowlist runs at MIN_VALUE + 1.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::rejectOversizedBodies);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.errorHandler(404, ctx -> ProblemWriter.write(ctx.response(), Problem.of(404, "No resource at this path.")));
        router.errorHandler(405, ctx -> ProblemWriter.write(ctx.response(), Problem.of(405, "Method not allowed on this path.")));
    }

    private void secureHeaders(RoutingContext ctx) {
        String nonce = CspNonce.of(ctx);
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'nonce-"
                    + nonce + "'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
            h.set("X-Frame-Options", "DENY");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "strict-origin-when-cross-origin");
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            // Console pages and staff and service API answers carry personal data and one-time secrets: no browser or
            // proxy keeps a copy. Public pages keep their own caching.
            String path = ctx.normalizedPath();
            boolean console = path.equals("/staff") || path.startsWith("/staff/");
            if ((console || Routes.classify(ctx.request().method().name(), path) != Routes.Kind.PUBLIC) && !h.contains("Cache-Control")) {
                h.set("Cache-Control", "no-store");
            }
        });
        ctx.next();
    }

    /** A declared length over the limit is refused before anything reads the body. */
    private void rejectOversizedBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                ProblemWriter.write(ctx.response(), Problem.of(400, "Content-Length is not a number."));
                return;
            }
            if (declared > maxBodyBytes) {
                ctx.response().putHeader("Connection", "close");
                ProblemWriter.write(ctx.response(), Problem.of(413, "Request body exceeds the limit of " + maxBodyBytes + " bytes."));
                return;
            }
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationRedirectException redirect) {
            // The OIDC code flow (/staff/sso) finishes its callback with a redirect to the clean URL.
            ctx.response().setStatusCode(redirect.getCode())
                    .putHeader("Location", redirect.getRedirectUri())
                    .putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            problem = Problem.of(401, "Authentication required.");
        } else if (failure instanceof ForbiddenException) {
            problem = Problem.of(403, "Your role does not allow this.");
        } else if (ctx.statusCode() == 413) {
            problem = Problem.of(413, "Request body exceeds the configured limit.");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            problem = Problem.of(ctx.statusCode(), HttpStatusTitles.title(ctx.statusCode()) + ".");
        } else {
            if (failure != null) {
                // The path is not logged: it can carry a status token.
                LOG.errorf(failure, "Unhandled error on a %s request", ctx.request().method());
            }
            problem = Problem.of(500, "An internal error occurred; it has been logged.");
        }
        ProblemWriter.write(ctx.response(), problem);
    }
}
