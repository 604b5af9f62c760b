package org.trustledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.trustledger.common.DomainException;

/** Every error a Jakarta REST resource can raise, answered as problem+json without internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity() && r.getEntity() instanceof Problem) {
            return r;
        }
        int status = r.getStatus();
        if (status < 400) {
            return r;
        }
        Response.ResponseBuilder problem = Response.fromResponse(Problem.of(status, detailFor(status)).toResponse());
        for (String header : List.of("Allow", "Retry-After", "WWW-Authenticate")) {
            if (r.getHeaderString(header) != null) {
                problem.header(header, r.getHeaderString(header));
            }
        }
        return problem.build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "Method not allowed on this path.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "Request body exceeds the configured limit.";
            case 415 -> "Unsupported media type for this endpoint.";
            default -> HttpStatusTitles.title(status) + ".";
        };
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.of(401, "Authentication required.").toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.of(401, "Authentication required.").toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "Your role does not allow this.").toResponse();
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return Problem.invalid(400, "The request body has a field this endpoint does not accept.",
                List.of(new Problem.FieldError(path(e), "unknown field"))).toResponse();
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e) {
        return Problem.invalid(400, "The request body has a value of the wrong type or format.",
                List.of(new Problem.FieldError(path(e), "wrong type or format"))).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return Problem.invalid(400, "The request body does not have the expected shape.",
                List.of(new Problem.FieldError(path(e), "wrong type"))).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return Problem.of(400, "The request body is not well-formed JSON.").toResponse();
    }

    /** A number, string or nesting beyond the limits {@link StrictJson} sets. */
    @ServerExceptionMapper
    public Response overLimit(StreamConstraintsException e) {
        return Problem.of(400, "The request body has a value out of range.").toResponse();
    }

    @ServerExceptionMapper
    public Response databind(DatabindException e) {
        return Problem.of(400, "The request body could not be read.").toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return Problem.invalid(400, "The request has invalid fields.", errors).toResponse();
    }

    /** The one translation of the domain's refusals into HTTP. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case UNPROCESSABLE -> 422;
            case GONE -> 410;
            case FORBIDDEN -> 403;
        };
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.reason())).toList();
        return Problem.invalid(status, e.getMessage(), errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error in a REST resource", e);
        return Problem.of(500, "An internal error occurred; it has been logged.").toResponse();
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return p.isEmpty() ? "(body)" : p;
    }

    /** "login.arg0.username" → "username": the client knows the body's field names, not Java's. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", List.of(parts).subList(2, parts.length));
    }
}
