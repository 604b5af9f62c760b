package org.trustledger.collect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Request bodies of the collector and gap APIs. */
public final class Requests {

    private Requests() {
    }

    /** Checked by {@code CollectorTokens}, which the console's token form shares. */
    public record NewToken(String label, Integer expiresInDays) {
    }

    /** Checked by {@code ManualEvidence}, which the multipart API and the console's upload form share. */
    public record Upload(String filename, String mediaType, String contentBase64, String expiresAt, String note) {
    }

    /** Checked by {@code Gaps.assignTo}, which the console's form shares. */
    public record Assign(String assignee) {
    }

    /** Checked by {@code Gaps.closeWithResolution}, which the console's form shares. */
    public record Close(String resolution) {
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
