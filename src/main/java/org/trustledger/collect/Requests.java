package org.trustledger.collect;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the collector and gap APIs. */
public final class Requests {

    private Requests() {
    }

    public record NewToken(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters") String label,
            @Min(value = 1, message = "must be at least 1") @Max(value = 365, message = "must be at most 365") Integer expiresInDays) {
    }

    public record Upload(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            @Pattern(regexp = "^[^/\\\\\\p{Cntrl}]+$", message = "must be a file name without path separators or control characters")
            String filename,
            @NotNull(message = "is required")
            @Pattern(regexp = "^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$", message = "must be a media type such as application/pdf")
            String mediaType,
            @NotNull(message = "is required") String contentBase64,
            @NotNull(message = "is required (yyyy-mm-dd or an ISO-8601 instant)") String expiresAt,
            @Size(max = 1000, message = "must be at most 1000 characters") String note) {
    }

    public record Assign(
            @NotNull(message = "is required")
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,62}$", message = "must be a staff username") String assignee) {
    }

    public record Close(
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String resolution) {
    }

    /** Evidence pushed by CI; the payload and observed_at are checked by {@code EvidencePushResource}, which knows the clock. */
    public record Push(
            @NotNull(message = "must be pass, fail or error")
            @Pattern(regexp = "pass|fail|error", message = "must be pass, fail or error") String status,
            @NotBlank(message = "is required")
            @Pattern(regexp = "[^\\r\\n]{0," + CollectorResult.MAX_SUMMARY + "}",
                    message = "must be one line of at most " + CollectorResult.MAX_SUMMARY + " characters") String summary,
            com.fasterxml.jackson.databind.JsonNode payload,
            String observedAt) {
    }
}
