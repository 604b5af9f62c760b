package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * One published (or scheduled) version of a privacy notice, as stored; immutable apart from retraction.
 *
 * @param sha256 lowercase hex SHA-256 of the published text's UTF-8 bytes
 * @param reviewIntervalDays how long after publication the notice is due for review
 * @param retractedAt when a version dated in the future was withdrawn before taking effect
 */
public record PrivacyNotice(
        long id,
        Audience audience,
        String versionLabel,
        String url,
        Instant publishedAt,
        String sha256,
        int reviewIntervalDays,
        Instant createdAt,
        Instant retractedAt,
        String retractionReason) {

    public enum Audience {
        CUSTOMERS, WEBSITE_VISITORS, APPLICANTS, STAFF;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    /** Where a version stands at a given instant. */
    public enum State {
        /** Withdrawn before its publication date. */
        RETRACTED,
        /** Dated in the future. */
        SCHEDULED,
        /** The latest version of its audience published at or before now. */
        CURRENT,
        /** Published, but a later version of its audience has taken over. */
        SUPERSEDED;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    /** When the notice is due for review: {@code review_interval_days} after publication. */
    public Instant reviewDueAt() {
        return publishedAt.plus(java.time.Duration.ofDays(reviewIntervalDays));
    }
}
