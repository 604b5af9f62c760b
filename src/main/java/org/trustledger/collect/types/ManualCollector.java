package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.ManualUploads;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * Evidence only people can produce (signed NDAs, training records, a BCP test report): staff upload a
 * file with an expiry date; the check passes while an unexpired upload exists and fails once it lapses.
 */
@ApplicationScoped
public class ManualCollector extends BaseCollectorType {

    public static final Duration DEFAULT_MAX_VALIDITY = Duration.ofDays(366);

    private final ManualUploads uploads;

    public ManualCollector(ManualUploads uploads) {
        super("manual", Param.required("evidence", Param.Kind.STRING, "what must be uploaded, for the person uploading it"),
                Param.optional("max_validity", Param.Kind.STRING, "longest expiry an upload may be given, ISO-8601 (default P366D)"));
        this.uploads = uploads;
    }

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        if (params.get("evidence").asText().isBlank()) {
            problems.add("params.evidence", "must describe what to upload");
        }
        if (params.has("max_validity")) {
            try {
                Duration d = Duration.parse(params.get("max_validity").asText());
                if (d.isNegative() || d.isZero()) {
                    problems.add("params.max_validity", "must be positive");
                }
            } catch (DateTimeParseException e) {
                problems.add("params.max_validity", "'" + params.get("max_validity").asText() + "' is not an ISO-8601 duration such as P365D");
            }
        }
    }

    public static Duration maxValidity(CollectorDefinition d) {
        return d.params().has("max_validity") ? Duration.parse(d.params().get("max_validity").asText()) : DEFAULT_MAX_VALIDITY;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        ObjectNode payload = CollectorResult.object();
        payload.put("evidence_required", d.params().get("evidence").asText());
        Optional<ManualUploads.Upload> current = uploads.current(d.id(), ctx.now());
        if (current.isPresent()) {
            ManualUploads.Upload u = current.get();
            describe(payload, u);
            return CollectorResult.pass("upload " + u.id() + " '" + u.filename() + "' valid until " + u.expiresAt(), payload);
        }
        Optional<ManualUploads.Upload> latest = uploads.latest(d.id());
        if (latest.isEmpty()) {
            return CollectorResult.fail("no evidence uploaded yet: " + d.params().get("evidence").asText(), payload);
        }
        describe(payload, latest.get());
        return CollectorResult.fail("stale: the latest upload '" + latest.get().filename() + "' expired at " + latest.get().expiresAt(), payload);
    }

    private static void describe(ObjectNode payload, ManualUploads.Upload u) {
        ObjectNode o = payload.putObject("upload");
        o.put("id", u.id());
        o.put("filename", u.filename());
        o.put("media_type", u.mediaType());
        o.put("size_bytes", u.sizeBytes());
        o.put("sha256", u.sha256());
        o.put("uploaded_at", u.uploadedAt().toString());
        o.put("uploaded_by", u.uploadedBy());
        o.put("expires_at", u.expiresAt().toString());
        if (u.note() != null) {
            o.put("note", u.note());
        }
    }
}
