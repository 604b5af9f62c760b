package org.trustledger.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;

/** Staff handling of data-subject request cases. State changes take JSON only: a cross-site form
 * cannot send it, so with SameSite session cookies they need no CSRF token. */
@Path("/api/v1/dsr-cases")
@RolesAllowed({Role.PRIVACY, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DsrCaseResource {

    public record TransitionRequest(
            @NotNull(message = "is required")
            @Pattern(regexp = "verifying|in_progress|completed|rejected", message = "must be one of verifying, in_progress, completed, rejected")
            String to,
            String note) {
    }

    public record ExtendRequest(@NotBlank(message = "is required") String reason) {
    }

    public record SearchRequest(@NotNull(message = "is required") String email) {
    }

    private final DsrCases cases;
    private final SecurityIdentity identity;

    public DsrCaseResource(DsrCases cases, SecurityIdentity identity) {
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    public List<DsrCases.CaseView> list(@QueryParam("status") String status, @QueryParam("jurisdiction") String jurisdiction) {
        return cases.list(filter("status", status, DsrStatus.parse(status)), filter("jurisdiction", jurisdiction, Jurisdiction.parse(jurisdiction)));
    }

    @GET
    @Path("/{id}")
    public DsrCases.CaseDetail get(@PathParam("id") long id) {
        return cases.get(id).orElseThrow(() -> DomainException.notFound(DsrCaseRepository.NOT_FOUND));
    }

    @POST
    @Path("/{id}/transition")
    @Consumes(MediaType.APPLICATION_JSON)
    public DsrCases.CaseView transition(@PathParam("id") long id, @Valid @NotNull(message = "a JSON body is required") TransitionRequest body) {
        String note = FreeText.orNull(body.note());
        checkText("note", note);
        DsrStatus to = DsrStatus.parse(body.to()).orElseThrow();
        if (to == DsrStatus.REJECTED && (note == null || note.isBlank())) {
            // GDPR Art. 12(4): the requester must be told why; the reason is kept with the case.
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "Rejecting a request needs a note giving the reason.",
                    List.of(new DomainException.Violation("note", "is required when rejecting")));
        }
        return cases.transition(id, to, note, actor());
    }

    @POST
    @Path("/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    public DsrCases.CaseView extend(@PathParam("id") long id, @Valid @NotNull(message = "a JSON body is required") ExtendRequest body) {
        checkText("reason", body.reason());
        return cases.extend(id, body.reason(), actor());
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<DsrCases.CaseView> search(@Valid @NotNull(message = "a JSON body is required") SearchRequest body) {
        String problem = EmailAddress.problem(body.email());
        if (problem != null) {
            throw DomainException.invalid("email", problem);
        }
        return cases.findByEmail(EmailAddress.normalise(body.email()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static <T> Optional<T> filter(String name, String raw, Optional<T> parsed) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (parsed.isEmpty()) {
            throw DomainException.invalid("Unknown filter value.", List.of(new DomainException.Violation(name, "is not a known value")));
        }
        return parsed;
    }

    private static void checkText(String field, String text) {
        String problem = FreeText.problem(text);
        if (problem != null) {
            throw DomainException.invalid(field, problem);
        }
    }
}
