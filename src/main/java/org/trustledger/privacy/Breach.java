package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * A security incident in the breach register, as stored. GDPR Art. 33(5) asks for every personal data
 * breach to be documented, notified or not; incidents without personal data are kept too.
 *
 * @param awareAt when the organisation became aware; every notification deadline runs from here
 * @param authorityNotificationRequired whether the supervisory authority must be notified (Art. 33(1));
 *        only a controller notifies it, and only for personal data
 * @param noAuthorityNotificationReason why a controller does not notify a personal data breach (unlikely to
 *        result in a risk, Art. 33(1))
 * @param delayReason the reasons for notifying the authority after 72 hours (Art. 33(1))
 */
public record Breach(
        long id,
        String title,
        String description,
        Instant awareAt,
        boolean personalDataAffected,
        OurRole ourRole,
        boolean highRiskToSubjects,
        boolean authorityNotificationRequired,
        String noAuthorityNotificationReason,
        String delayReason,
        Instant controllersNotifiedAt,
        Instant authorityNotifiedAt,
        Instant subjectsNotifiedAt,
        Status status,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    /** Our role for the affected data: a controller notifies authority and subjects, a processor its controllers. */
    public enum OurRole {
        CONTROLLER, PROCESSOR;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    public enum Status {
        OPEN, CLOSED;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    /** Who may have to be told: the controllers we process for, the supervisory authority, the data subjects. */
    public enum Party {
        CONTROLLERS, AUTHORITY, SUBJECTS;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    /** When {@code party} was notified, or null. */
    public Instant notifiedAt(Party party) {
        return switch (party) {
            case CONTROLLERS -> controllersNotifiedAt;
            case AUTHORITY -> authorityNotifiedAt;
            case SUBJECTS -> subjectsNotifiedAt;
        };
    }
}
