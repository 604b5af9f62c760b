package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * A consent purpose the organisation relies on (GDPR Art. 7), at one version of its legal text.
 *
 * @param purposeId a stable identifier of the purpose, e.g. {@code newsletter}
 * @param legalTextVersion the version of the consent wording people agreed to
 * @param collectedVia the forms or channels consent is given through
 * @param proofLocation where the records of individual consents are kept (Art. 7(1): the controller must be able to show consent)
 * @param withdrawalMethod how consent is withdrawn; Art. 7(3) requires it to be as easy as giving it
 */
public record Consent(
        long id,
        String purposeId,
        String description,
        String legalTextVersion,
        List<String> collectedVia,
        String proofLocation,
        String withdrawalMethod,
        Instant lastReviewedAt,
        Status status,
        Instant createdAt,
        Instant updatedAt) {

    public Consent {
        collectedVia = List.copyOf(collectedVia);
    }

    public enum Status {
        ACTIVE, RETIRED;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }
}
