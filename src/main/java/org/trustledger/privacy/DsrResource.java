package org.trustledger.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;
import org.trustledger.web.ClientIp;
import org.trustledger.web.Problem;

/**
 * Public data-subject request intake and status. Every attempt counts against the client's hourly
 * allowance, garbage included, and once it is used up the answer is 429 whatever the body; a rejected
 * attempt writes nothing but that count. A valid submission is counted and recorded in one statement.
 */
@Path("/api/v1/dsr")
public class DsrResource {

    private final DsrIntake intake;
    private final DsrRateLimiter rateLimiter;
    private final ClientIp clientIp;
    private final ObjectReader reader;

    public DsrResource(DsrIntake intake, DsrRateLimiter rateLimiter, ClientIp clientIp, ObjectMapper mapper) {
        this.intake = intake;
        this.rateLimiter = rateLimiter;
        this.clientIp = clientIp;
        // The body is read here rather than by the framework so that malformed bodies are counted against the
        // limit too; it is read by the application's one strict ObjectMapper (web.StrictJson).
        this.reader = mapper.readerFor(DsrSubmission.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitJson(String body, @Context HttpServerRequest request, @Context HttpHeaders headers) throws IOException {
        String ip = clientIp.resolve(request);
        DsrSubmission submission;
        try {
            submission = body == null || body.isBlank() ? null : reader.readValue(body);
        } catch (IOException e) {
            Response limited = countRejected(ip, null);
            if (limited != null) {
                return limited;
            }
            throw e; // the JSON exception mappers answer 400 with the parser's reason
        }
        Optional<DomainException> refusal = submission == null
                ? Optional.of(DomainException.invalid("A JSON object with email, request_type and jurisdiction is required.", List.of()))
                : DsrIntake.refusal(submission);
        if (refusal.isPresent()) {
            Response limited = countRejected(ip, null);
            if (limited != null) {
                return limited;
            }
            throw refusal.get();
        }
        DsrIntake.Outcome outcome = intake.submit(DsrIntake.valid(submission), ip);
        if (outcome instanceof DsrIntake.Limited limited) {
            return tooMany(limited.retryAfter(), null);
        }
        DsrIntake.Receipt receipt = (DsrIntake.Receipt) outcome;
        if (PrivacyPages.prefersHtml(headers)) {
            return statusPage(receipt);
        }
        return Response.accepted(receipt).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    /** The no-JavaScript form of /privacy/request; quarkus-rest-csrf has checked its token before this runs. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitForm(@FormParam("email") String email, @FormParam("request_type") String requestType,
            @FormParam("jurisdiction") String jurisdiction, @FormParam("details") String details,
            @Context HttpServerRequest request, @Context HttpHeaders headers) {
        String ip = clientIp.resolve(request);
        DsrSubmission submission = new DsrSubmission(email, requestType, jurisdiction, details);
        boolean html = PrivacyPages.prefersHtml(headers);
        Optional<DomainException> refusal = DsrIntake.refusal(submission);
        if (refusal.isPresent()) {
            Response limited = countRejected(ip, html ? submission : null);
            if (limited != null) {
                return limited;
            }
            DomainException e = refusal.get();
            if (!html) {
                throw e;
            }
            int status = e.kind() == DomainException.Kind.UNPROCESSABLE ? 422 : 400;
            return PrivacyPages.requestPage(status, submission, e.violations(), e.getMessage()).build();
        }
        DsrIntake.Outcome outcome = intake.submit(DsrIntake.valid(submission), ip);
        if (outcome instanceof DsrIntake.Limited limited) {
            return tooMany(limited.retryAfter(), html ? submission : null);
        }
        return statusPage((DsrIntake.Receipt) outcome);
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("token") String token) {
        return intake.status(token)
                .map(v -> Response.ok(v).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Problem.of(404, "No request with this token.").toResponse());
    }

    private static Response statusPage(DsrIntake.Receipt receipt) {
        return Response.seeOther(URI.create("/privacy/status/" + receipt.token())).header("Cache-Control", "no-store").build();
    }

    /** Counts an attempt that will write nothing; the 429 answer if it is over the allowance, else null. */
    private Response countRejected(String ip, DsrSubmission formToRedisplay) {
        return rateLimiter.count(ip).map(retryAfter -> tooMany(retryAfter, formToRedisplay)).orElse(null);
    }

    /** 429 until the client's window ends; as the form page again (values kept) when {@code formToRedisplay} is given. */
    private static Response tooMany(Duration retryAfter, DsrSubmission formToRedisplay) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        Problem p = Problem.of(429, "Too many requests from your address; try again in " + seconds + " seconds.");
        Response.ResponseBuilder r = formToRedisplay == null ? Response.fromResponse(p.toResponse())
                : PrivacyPages.requestPage(429, formToRedisplay, List.of(), p.detail());
        return r.header("Retry-After", seconds).build();
    }
}
