package org.trustledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} lists each rejected field of a request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public record FieldError(String field, String reason) {
    }

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", HttpStatusTitles.title(status), status, detail, List.of());
    }

    public static Problem invalid(int status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", HttpStatusTitles.title(status), status, detail, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** A WebApplicationException carrying a problem body, for use deep inside services. */
    public static final class Exception extends jakarta.ws.rs.WebApplicationException {
        private static final long serialVersionUID = 1L;

        public Exception(Problem problem) {
            super(problem.detail(), problem.toResponse());
        }

        public static Exception of(int status, String detail) {
            return new Exception(Problem.of(status, detail));
        }
    }
}
