package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.trustledger.collect.types.ManualCollector;
import org.trustledger.common.DomainException;

/**
 * Taking a manual evidence file, whichever way it came (base64 in JSON, a multipart API call, the console's upload
 * form): the one place its fields are checked against the limits, the file stored and the collector run. So every way
 * in accepts and refuses exactly the same uploads, and a refused one writes nothing.
 */
@ApplicationScoped
public class ManualEvidence {

    static final Pattern FILENAME = Pattern.compile("^[^/\\\\\\p{Cntrl}]+$");
    static final Pattern MEDIA_TYPE = Pattern.compile("^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$");
    static final int MAX_FILENAME = 200;
    static final int MAX_NOTE = 1000;
    static final String OCTET_STREAM = "application/octet-stream";

    /** The file's bytes, read only after its size has passed the limit. */
    @FunctionalInterface
    public interface Bytes {
        byte[] read() throws IOException;
    }

    /**
     * An upload as received, before any check. The field names say where each value came from in this request, so a
     * refusal names what the caller sent: {@code content_base64} and {@code filename} in JSON, {@code file} in a form.
     * {@code size} and {@code content} are null when no file came.
     */
    public record NewUpload(String contentField, String filenameField, String mediaTypeField, String filename, String mediaType, Long size,
            Bytes content, String expiresAt, String note) {

        /** The JSON API's upload: the file already decoded from base64 ({@code null} when the field was missing). */
        public static NewUpload json(String filename, String mediaType, byte[] content, String expiresAt, String note) {
            return new NewUpload("content_base64", "filename", "media_type", filename, mediaType, content == null ? null : (long) content.length,
                    content == null ? null : () -> content, expiresAt, note);
        }

        /**
         * A multipart part named {@code file}: its name and type are the part's own. Browsers send the base name (old ones
         * a whole path, cut here) and a type that may be missing or carry parameters.
         */
        public static NewUpload part(String filename, String contentType, Long size, Bytes content, String expiresAt, String note) {
            String base = filename == null ? null : filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
            String type = contentType == null || contentType.isBlank() ? OCTET_STREAM
                    : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return new NewUpload("file", "file", "file", base, type, size, content, expiresAt, note);
        }
    }

    public record Result(ManualUploads.Upload upload, CollectorRun run) {
    }

    /** The file is over {@code trustledger.collectors.max-upload-bytes}; the API answers 413 rather than 400. */
    public static final class TooLarge extends DomainException {
        private static final long serialVersionUID = 1L;

        TooLarge(String field, String reason) {
            super(Kind.INVALID, "The file is too large.", List.of(new Violation(field, reason)));
        }
    }

    private final CollectorRegistry registry;
    private final ManualUploads uploads;
    private final CollectorRunner runner;
    private final CollectorsConfig config;
    private final Clock clock;

    public ManualEvidence(CollectorRegistry registry, ManualUploads uploads, CollectorRunner runner, CollectorsConfig config, Clock clock) {
        this.registry = registry;
        this.uploads = uploads;
        this.runner = runner;
        this.config = config;
        this.clock = clock;
    }

    public int maxUploadBytes() {
        return config.maxUploadBytes();
    }

    /**
     * Checks the upload, stores the file and runs the collector, so its status (and its gap) reflects the upload at
     * once. Refusals: 404 unknown collector, 409 not a manual one, {@link TooLarge}, else invalid fields, all at once.
     */
    public Result accept(String collectorId, NewUpload u, String uploadedBy) {
        CollectorDefinition d = registry.requireType(collectorId, "manual");
        List<DomainException.Violation> errors = new ArrayList<>();
        if (u.content() == null || u.size() == null) {
            errors.add(new DomainException.Violation(u.contentField(), "is required"));
        } else if (u.size() > config.maxUploadBytes()) {
            throw new TooLarge(u.contentField(), "is " + u.size() + " bytes; the limit is " + config.maxUploadBytes());
        } else if (u.size() == 0) {
            errors.add(new DomainException.Violation(u.contentField(), "must not be empty"));
        }
        // A form's file part carries its own name and type: without a file there is nothing more to report.
        if (u.content() != null || !u.filenameField().equals(u.contentField())) {
            checkFilename(u, errors);
            if (u.mediaType() == null || u.mediaType().isEmpty()) {
                errors.add(new DomainException.Violation(u.mediaTypeField(), "is required"));
            } else if (!MEDIA_TYPE.matcher(u.mediaType()).matches()) {
                errors.add(new DomainException.Violation(u.mediaTypeField(), "must be a media type such as application/pdf"));
            }
        }
        Instant expires = expiry(d, u.expiresAt(), errors);
        String note = u.note() == null || u.note().isBlank() ? null : u.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new DomainException.Violation("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The upload has invalid fields.", errors);
        }
        byte[] content = read(u);
        if (content.length != u.size() || content.length > config.maxUploadBytes()) {
            throw DomainException.invalid(u.contentField(), "changed size while it was read");
        }
        ManualUploads.Upload stored = uploads.store(d.id(), u.filename(), u.mediaType(), content, note, expires, uploadedBy);
        return new Result(stored, runner.run(d, RunRecorder.Origin.UPLOAD, uploadedBy));
    }

    private static void checkFilename(NewUpload u, List<DomainException.Violation> errors) {
        String name = u.filename();
        if (name == null || name.isBlank()) {
            errors.add(new DomainException.Violation(u.filenameField(), u.filenameField().equals("file") ? "must have a file name" : "is required"));
        } else if (name.length() > MAX_FILENAME) {
            errors.add(new DomainException.Violation(u.filenameField(), "must have a name of at most " + MAX_FILENAME + " characters"));
        } else if (!FILENAME.matcher(name).matches()) {
            errors.add(new DomainException.Violation(u.filenameField(), "must be a file name without path separators or control characters"));
        }
    }

    private Instant expiry(CollectorDefinition d, String text, List<DomainException.Violation> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new DomainException.Violation("expires_at", "is required (yyyy-mm-dd or an ISO-8601 date-time with offset)"));
            return null;
        }
        Instant expires = parseExpiry(text.strip());
        if (expires == null) {
            errors.add(new DomainException.Violation("expires_at", "must be a date (yyyy-mm-dd) or an ISO-8601 date-time with offset"));
            return null;
        }
        Instant now = clock.instant();
        Duration max = ManualCollector.maxValidity(d);
        if (!expires.isAfter(now)) {
            errors.add(new DomainException.Violation("expires_at", "must be in the future"));
        } else if (expires.isAfter(now.plus(max))) {
            errors.add(new DomainException.Violation("expires_at", "must be within " + max.toDays() + " days from now for this collector"));
        }
        return expires;
    }

    /** A day means its first instant in UTC; null when the text is neither form. */
    static Instant parseExpiry(String text) {
        try {
            if (text.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static byte[] read(NewUpload u) {
        try {
            return u.content().read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
