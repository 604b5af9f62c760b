package org.trustledger.collect;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.trustledger.common.Role;
import org.trustledger.web.Problem;

/** Staff API of the collectors: definitions with their latest state, run history, run now, tokens, uploads. */
@Path("/api/v1/collectors")
@Produces(MediaType.APPLICATION_JSON)
public class CollectorResource {

    static final int MAX_LIMIT = 500;

    private final CollectorRegistry registry;
    private final CollectorRuns runs;
    private final CollectorRunner runner;
    private final CollectorScheduler scheduler;
    private final CollectorTokens collectorTokens;
    private final ManualUploads uploads;
    private final ManualEvidence evidence;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CollectorResource(CollectorRegistry registry, CollectorRuns runs, CollectorRunner runner, CollectorScheduler scheduler,
            CollectorTokens collectorTokens, ManualUploads uploads, ManualEvidence evidence, SecurityIdentity identity, Clock clock) {
        this.registry = registry;
        this.runs = runs;
        this.runner = runner;
        this.scheduler = scheduler;
        this.collectorTokens = collectorTokens;
        this.uploads = uploads;
        this.evidence = evidence;
        this.identity = identity;
        this.clock = clock;
    }

    public record LatestRun(long id, String status, Instant collectedAt, String summary) {
    }

    public record CollectorView(String id, String type, String description, String schedule, List<String> controls, String severity,
            String freshness, String timeout, String latestStatus, Instant collectedAt, boolean fresh, LatestRun latestRun,
            Instant nextFireTime) {
    }

    @GET
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public List<CollectorView> list() {
        Map<String, CollectorRun> latest = runs.latestAll();
        Instant now = clock.instant();
        return registry.all().stream().map(d -> view(d, latest.get(d.id()), now)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public CollectorView get(@PathParam("id") String id) {
        CollectorDefinition d = definition(id);
        return view(d, runs.latest(id).orElse(null), clock.instant());
    }

    private CollectorView view(CollectorDefinition d, CollectorRun r, Instant now) {
        Date next = scheduler.nextFireTime(d.id()).orElse(null);
        return new CollectorView(d.id(), d.type(), d.description(), d.schedule(), d.controls(), d.severity().wire(), CollectorDefinition.text(d.freshness()),
                d.timeout().toString(), r == null ? null : r.status().wire(), r == null ? null : r.collectedAt(),
                r != null && r.isFreshAt(now, d.freshness()),
                r == null ? null : new LatestRun(r.id(), r.status().wire(), r.collectedAt(), r.summary()),
                next == null ? null : next.toInstant());
    }

    @GET
    @Path("/{id}/runs")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public List<CollectorRun> history(@PathParam("id") String id, @QueryParam("limit") String limit) {
        int n = limit(limit, 20);
        definition(id);
        return runs.history(id, n);
    }

    /** Runs the collector now and answers with the recorded run. */
    @POST
    @Path("/{id}/run")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public CollectorRun runNow(@PathParam("id") String id, @Context HttpHeaders headers) {
        requireJson(headers);
        CollectorDefinition d = definition(id);
        return runner.run(d, RunRecorder.Origin.MANUAL, username());
    }

    @POST
    @Path("/{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    public Response issueToken(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Requests.NewToken body) {
        ServiceTokens.Issued issued = collectorTokens.issue(id, body.label(), body.expiresInDays(), username());
        return Response.created(URI.create("/api/v1/collectors/" + issued.token().collectorId() + "/tokens/" + issued.token().id()))
                .entity(Map.of("token", issued.secret(), "details", issued.token(),
                        "note", "The token is shown only now; TrustLedger keeps only its SHA-256."))
                .build();
    }

    @GET
    @Path("/{id}/tokens")
    @RolesAllowed(Role.ADMIN)
    public List<ServiceTokens.TokenView> listTokens(@PathParam("id") String id) {
        return collectorTokens.list(id);
    }

    @DELETE
    @Path("/{id}/tokens/{tokenId}")
    @RolesAllowed(Role.ADMIN)
    public ServiceTokens.TokenView revokeToken(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
        definition(id);
        return collectorTokens.revoke(id, parseId(tokenId, "token"), username());
    }

    /**
     * Stores a manual evidence file sent as base64 in JSON and runs the collector, so its status reflects the upload at
     * once. Decoding base64 is this encoding's own step; every other check is {@link ManualEvidence}'s.
     */
    @POST
    @Path("/{id}/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Response upload(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Requests.Upload body) {
        byte[] content = null;
        if (body.contentBase64() != null) {
            registry.requireType(id, "manual");
            content = decodeBase64(body.contentBase64());
        }
        return uploaded(id, ManualEvidence.NewUpload.json(body.filename(), body.mediaType(), content, body.expiresAt(), body.note()));
    }

    /** The same upload as a form: the file in part {@code file} (its name and type are the part's), {@code expires_at}, {@code note}. */
    @POST
    @Path("/{id}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE })
    public Response uploadForm(@PathParam("id") String id, @RestForm("file") FileUpload file, @RestForm("expires_at") String expiresAt,
            @RestForm("note") String note) {
        return uploaded(id, fromForm(file, expiresAt, note));
    }

    private Response uploaded(String id, ManualEvidence.NewUpload upload) {
        ManualEvidence.Result r;
        try {
            r = evidence.accept(id, upload, username());
        } catch (ManualEvidence.TooLarge e) {
            throw new Problem.Exception(Problem.invalid(413, e.getMessage(),
                    e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.reason())).toList()));
        }
        return Response.created(URI.create("/api/v1/collectors/" + r.upload().collectorId() + "/uploads/" + r.upload().id())).entity(r).build();
    }

    /**
     * A multipart {@code file} part as an upload, for this API and the console's form alike. A browser sends a form
     * whose file input was left empty as a part with no name and no bytes: that is no file.
     */
    static ManualEvidence.NewUpload fromForm(FileUpload file, String expiresAt, String note) {
        boolean none = file == null || file.uploadedFile() == null || (file.size() == 0 && (file.fileName() == null || file.fileName().isEmpty()));
        return ManualEvidence.NewUpload.part(none ? null : file.fileName(), none ? null : file.contentType(), none ? null : file.size(),
                none ? null : () -> Files.readAllBytes(file.uploadedFile()), expiresAt, note);
    }

    private static byte[] decodeBase64(String text) {
        if (!text.matches("^[A-Za-z0-9+/]*={0,2}$")) {
            throw invalid("content_base64", "is not valid base64 (RFC 4648, standard alphabet with padding)");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid("content_base64", "is not valid base64 (RFC 4648, standard alphabet with padding)");
        }
    }

    @GET
    @Path("/{id}/uploads")
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public List<ManualUploads.Upload> listUploads(@PathParam("id") String id, @QueryParam("limit") String limit) {
        int n = limit(limit, 50);
        definition(id);
        return uploads.list(id, n);
    }

    /** The file as uploaded; always served as an attachment of a neutral type, never rendered inline. */
    @GET
    @Path("/{id}/uploads/{uploadId}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({ Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR })
    public Response uploadContent(@PathParam("id") String id, @PathParam("uploadId") String uploadId) {
        definition(id);
        long uid = parseId(uploadId, "upload");
        byte[] content = uploads.content(id, uid).orElseThrow(() -> Problem.Exception.of(404, "No such upload for this collector."));
        return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"upload-" + uid + ".bin\"").build();
    }

    private CollectorDefinition definition(String id) {
        return registry.require(id);
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    static Problem.Exception invalid(String field, String reason) {
        return new Problem.Exception(Problem.invalid(400, "The request has invalid fields.", List.of(new Problem.FieldError(field, reason))));
    }

    static int limit(String text, int dflt) {
        if (text == null) {
            return dflt;
        }
        if (!text.matches("^\\d{1,4}$") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw new Problem.Exception(Problem.invalid(400, "The query has invalid parameters.",
                    List.of(new Problem.FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT))));
        }
        return Integer.parseInt(text);
    }

    static long parseId(String text, String what) {
        if (text == null || !text.matches("^[1-9]\\d{0,17}$")) {
            throw Problem.Exception.of(404, "No such " + what + ".");
        }
        return Long.parseLong(text);
    }

    /** A body-less POST still has to say it is JSON: a cross-site form cannot send that content type. */
    static void requireJson(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw Problem.Exception.of(415, "Send Content-Type: application/json (the body may be empty or {}).");
        }
    }
}
