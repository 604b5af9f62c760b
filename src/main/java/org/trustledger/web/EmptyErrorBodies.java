package org.trustledger.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Filters that abort a request (the CSRF filter, for one) answer with a bare status; give every
 * such error the same problem+json body as the rest.
 */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void fill(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            String detail = status == 400 ? "The request was rejected: a form must carry a valid CSRF token, and the body must be well-formed."
                    : HttpStatusTitles.title(status) + ".";
            response.setEntity(Problem.of(status, detail), null, Problem.MEDIA);
        }
    }
}
