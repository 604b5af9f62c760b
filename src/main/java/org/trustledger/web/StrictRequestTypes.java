package org.trustledger.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Every state-changing request must say what it sends, and say a type its route declares: JSON APIs take
 * {@code application/json} only (routes without a body too), HTML forms their form type. A request without a
 * Content-Type, with {@code text/plain}, or with a form type on a JSON route is what a cross-site page can send without
 * a CORS preflight, so it is refused with 415 before anything is read or written. A DELETE without a body needs no type. A browser that says the request comes
 * from another site ({@code Sec-Fetch-Site: cross-site}) is refused with 403 whatever it sends.
 */
public class StrictRequestTypes {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<MediaType> JSON_ONLY = List.of(MediaType.APPLICATION_JSON_TYPE);

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public Response check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeaderString("Sec-Fetch-Site"))) {
            return Problem.of(403, "Requests from other sites cannot change anything here.").toResponse();
        }
        String raw = request.getHeaderString("Content-Type");
        if ("DELETE".equals(request.getMethod()) && (raw == null || raw.isBlank()) && !request.hasEntity()) {
            return null; // no body to type; and no browser sends a cross-origin DELETE without a CORS preflight
        }
        List<MediaType> accepted = declared(resource);
        MediaType sent = parse(raw);
        if (sent == null || accepted.stream().noneMatch(a -> a.isCompatible(sent))) {
            return Problem.of(415, "This route takes " + String.join(" or ", accepted.stream().map(m -> m.getType() + "/" + m.getSubtype()).toList())
                    + (raw == null || raw.isBlank() ? "; the request has no Content-Type." : ".")).toResponse();
        }
        return null;
    }

    /** The route's {@code @Consumes} (method, then class), or JSON when it declares none. */
    private static List<MediaType> declared(SimpleResourceInfo resource) {
        Consumes c = null;
        for (Method m : resource.getResourceClass().getMethods()) {
            if (m.getName().equals(resource.getMethodName()) && List.of(m.getParameterTypes()).equals(List.of(resource.parameterTypes()))) {
                c = m.getAnnotation(Consumes.class);
                break;
            }
        }
        if (c == null) {
            c = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        if (c == null) {
            return JSON_ONLY;
        }
        return Stream.of(c.value()).flatMap(v -> Stream.of(v.split(","))).map(String::trim).map(MediaType::valueOf).toList();
    }

    /** A well-formed media type of at most 200 characters, or null. */
    private static MediaType parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            return null;
        }
        try {
            MediaType m = MediaType.valueOf(raw);
            return m.isWildcardType() || m.isWildcardSubtype() ? null : m;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
