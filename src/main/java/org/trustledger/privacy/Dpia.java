package org.trustledger.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A data protection impact assessment (GDPR Art. 35), or the screening that found none was needed.
 *
 * @param processingActivityId the processing activity of the system description it assesses
 * @param triggers the WP248 rev.01 criteria the processing meets; two or more usually mean a DPIA is required
 * @param outcomeReason why the outcome was reached; required when the outcome is not_required although two or
 *        more criteria are met (WP248: the controller documents why there is no likely high risk)
 * @param measures the measures envisaged to address the risks (Art. 35(7)(d))
 * @param status draft, approved, or review_due (marked for review, or past {@code nextReview})
 */
public record Dpia(
        long id,
        String processingActivityId,
        String title,
        List<Trigger> triggers,
        Outcome outcome,
        String outcomeReason,
        RiskLevel riskLevel,
        String measures,
        Status status,
        String approvedBy,
        Instant approvedAt,
        LocalDate nextReview,
        Instant createdAt,
        Instant updatedAt) {

    public Dpia {
        triggers = List.copyOf(triggers);
    }

    /** The nine criteria of WP29 WP248 rev.01 (endorsed by the EDPB), in its order. */
    public enum Trigger {
        /** 1. Evaluation or scoring, including profiling and predicting. */
        EVALUATION_SCORING,
        /** 2. Automated decision-making with legal or similarly significant effect. */
        AUTOMATED_DECISION,
        /** 3. Systematic monitoring. */
        SYSTEMATIC_MONITORING,
        /** 4. Sensitive data or data of a highly personal nature. */
        SENSITIVE_DATA,
        /** 5. Data processed on a large scale. */
        LARGE_SCALE,
        /** 6. Matching or combining datasets. */
        MATCHING_DATASETS,
        /** 7. Data concerning vulnerable data subjects. */
        VULNERABLE_SUBJECTS,
        /** 8. Innovative use or applying new technological or organisational solutions. */
        INNOVATIVE_TECHNOLOGY,
        /** 9. Processing that prevents data subjects from exercising a right or using a service or contract. */
        PREVENTS_RIGHTS;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    public enum Outcome {
        NOT_REQUIRED, REQUIRED;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    public enum RiskLevel {
        LOW, MEDIUM, HIGH;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }

    public enum Status {
        DRAFT, APPROVED, REVIEW_DUE;

        @JsonValue
        public String wire() {
            return Fields.wire(this);
        }
    }
}
