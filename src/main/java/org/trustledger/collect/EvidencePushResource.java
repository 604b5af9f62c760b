package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.tlog.Jcs;
import org.trustledger.web.Problem;

/**
 * Where CI/CD pushes evidence for a {@code pushed} collector, authenticated by a service-account bearer
 * token scoped to that collector. The token is checked here rather than by an HTTP authentication
 * mechanism, so the staff session mechanism stays the only one and every other endpoint is unaffected.
 * The body is a record bound by the strict JSON configuration ({@code web.StrictJson}) and its limits, so
 * reading it before the token is checked costs an unauthenticated caller no more than its size.
 */
@Path("/api/v1/evidence")
public class EvidencePushResource {

    static final int MAX_PAYLOAD_CHARS = 256 * 1024;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ServiceTokens tokens;
    private final CollectorRegistry registry;
    private final RunRecorder recorder;
    private final Clock clock;
    private final GovernanceLog governance;

    public EvidencePushResource(ServiceTokens tokens, CollectorRegistry registry, RunRecorder recorder, Clock clock,
            GovernanceLog governance) {
        this.governance = governance;
        this.tokens = tokens;
        this.registry = registry;
        this.recorder = recorder;
        this.clock = clock;
    }

    @POST
    @Path("/{collector}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@PathParam("collector") String collectorId, @HeaderParam("Authorization") String authorization,
            @Valid @NotNull(message = "a JSON body of status, summary, payload and observed_at is required") Requests.Push body) {
        String secret = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
        ServiceTokens.Check check = tokens.check(secret, collectorId);
        if (check instanceof ServiceTokens.Invalid) {
            return Response.fromResponse(Problem.of(401, "A valid, unexpired service-account bearer token is required.").toResponse())
                    .header("WWW-Authenticate", "Bearer realm=\"trustledger-evidence\"").build();
        }
        if (check instanceof ServiceTokens.WrongScope) {
            return Problem.of(403, "This token is not scoped to this collector.").toResponse();
        }
        ServiceTokens.Valid token = (ServiceTokens.Valid) check;
        CollectorDefinition d = registry.find(collectorId)
                .orElseThrow(() -> DomainException.notFound("No collector with this id is loaded."));
        if (!d.type().equals("pushed")) {
            throw DomainException.conflict("This collector is of type " + d.type() + " and does not accept pushed evidence.");
        }
        CollectorResult result = result(body);
        Instant now = clock.instant();
        String actor = token.account() == null ? "token:" + token.tokenId() : "service:" + token.account();
        CollectorRun run = recorder.record(d, result, RunRecorder.Origin.PUSH, actor, now, now);
        tokens.touch(token.tokenId());
        if (token.account() != null) {
            governance.record(GovernanceLog.SERVICE_PUSH, actor, d.id(), Map.of("token_id", token.tokenId(), "run_id", run.id(),
                    "status", result.status().wire()));
        }
        return Response.created(URI.create("/api/v1/collectors/" + d.id() + "/runs")).type(MediaType.APPLICATION_JSON).entity(run).build();
    }

    /** The checks Bean Validation cannot state: the payload must have a canonical form, observed_at must not be ahead of us. */
    private CollectorResult result(Requests.Push push) {
        List<DomainException.Violation> errors = new ArrayList<>();
        JsonNode payload = push.payload();
        if (payload != null && !payload.isNull()) {
            if (!payload.isObject()) {
                errors.add(new DomainException.Violation("payload", "must be a JSON object"));
            } else {
                try {
                    String canonical = Jcs.canonicalString(payload);
                    if (canonical.length() > MAX_PAYLOAD_CHARS) {
                        errors.add(new DomainException.Violation("payload", "must be at most " + MAX_PAYLOAD_CHARS + " characters"));
                    } else if (canonical.contains("\\u0000")) {
                        errors.add(new DomainException.Violation("payload", "must not contain NUL characters"));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new DomainException.Violation("payload", "cannot be canonicalised (RFC 8785): " + e.getMessage()));
                }
            }
        }
        Instant observed = null;
        if (push.observedAt() != null) {
            try {
                observed = OffsetDateTime.parse(push.observedAt()).toInstant();
                if (observed.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                    errors.add(new DomainException.Violation("observed_at", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new DomainException.Violation("observed_at", "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T10:00:00Z"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The pushed evidence has invalid fields.", errors);
        }
        return new CollectorResult(RunStatus.parse(push.status()), push.summary(), payload == null || payload.isNull() ? null : payload,
                observed);
    }
}
