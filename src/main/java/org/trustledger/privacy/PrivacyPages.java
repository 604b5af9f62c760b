package org.trustledger.privacy;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trustledger.common.DomainException;
import org.trustledger.web.Problem;

/** The minimal public request form: plain HTML that works without JavaScript, posting to /api/v1/dsr. */
@Path("/privacy")
public class PrivacyPages {

    @CheckedTemplate(basePath = "privacy", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance request(RequestForm form, List<ErrorLine> errors, String message);

        static native TemplateInstance status(DsrIntake.StatusView status, String token, String statusLabel, String typeLabel, String lawLabel);
    }

    private final DsrIntake intake;

    public PrivacyPages(DsrIntake intake) {
        this.intake = intake;
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record OptionGroup(String label, List<Option> options) {
    }

    public record ErrorLine(String field, String label, String reason) {
    }

    /** The form's fields with what the visitor entered, so a rejected submission does not have to be typed again. */
    public record RequestForm(String email, String details, List<Option> jurisdictions, List<OptionGroup> typeGroups) {

        static RequestForm of(DsrSubmission s) {
            DsrSubmission v = s == null ? new DsrSubmission(null, null, null, null) : s;
            List<Option> jurisdictions = Arrays.stream(Jurisdiction.values())
                    .map(j -> new Option(j.name(), j.label(), j.name().equals(v.jurisdiction()))).toList();
            List<OptionGroup> groups = List.of(
                    group("EU GDPR, UK GDPR and Swiss FADP (restriction: GDPR only)", Jurisdiction.EU_GDPR, v.requestType()),
                    group("California CCPA/CPRA", Jurisdiction.US_CCPA, v.requestType()));
            return new RequestForm(v.email(), v.details(), jurisdictions, groups);
        }

        private static OptionGroup group(String label, Jurisdiction j, String selected) {
            return new OptionGroup(label, Arrays.stream(RequestType.values()).filter(j::allows)
                    .map(t -> new Option(t.wire(), t.label(), t.wire().equals(selected))).toList());
        }
    }

    private static final Map<String, String> FIELD_LABELS = Map.of(
            "email", "Email address", "request_type", "Type of request", "jurisdiction", "Law", "details", "Details");

    @GET
    @Path("/request")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance requestForm() {
        return Templates.request(RequestForm.of(null), List.of(), null);
    }

    /**
     * Where the requester lands after filing and can come back to. The token in the path is the only key,
     * so the page is never cached or indexed, and an unknown token looks like a malformed one.
     */
    @GET
    @Path("/status/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response status(@PathParam("token") String token) {
        DsrIntake.StatusView view = intake.status(token).orElseThrow(() -> Problem.Exception.of(404, "No request with this status link."));
        String type = RequestType.parse(view.requestType()).map(RequestType::label).orElse(view.requestType());
        String law = Jurisdiction.parse(view.jurisdiction()).map(Jurisdiction::label).orElse(view.jurisdiction());
        String status = view.status().replace('_', ' ');
        return Response.ok(Templates.status(view, token, status, type, law))
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    /** The form again with the visitor's values and what was wrong; never cached, as it may hold their email. */
    static Response.ResponseBuilder requestPage(int status, DsrSubmission submission, List<DomainException.Violation> errors, String message) {
        List<ErrorLine> lines = errors.stream()
                .map(e -> new ErrorLine(e.field(), FIELD_LABELS.getOrDefault(e.field(), e.field()), e.reason())).toList();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.request(RequestForm.of(submission), lines, message));
    }

    /** Whether the client ranks HTML above JSON (browsers do; curl and API clients send * / * or JSON). */
    static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return false;
            }
            if ("text".equals(m.getType()) && "html".equals(m.getSubtype())) {
                return true;
            }
            if ("application".equals(m.getType()) && (m.getSubtype().equals("json") || m.getSubtype().endsWith("+json"))) {
                return false;
            }
        }
        return false;
    }
}
