package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * The organisation's own findings for a transfer that relies on an Art. 46 tool (EDPB
 * Recommendations 01/2020, steps 3 to 6). The TIA report renders these next to the facts the rest
 * of the model already holds (steps 1 and 2), so nothing is written twice.
 *
 * @param lawsConsidered the importer-country laws and practices assessed (step 3)
 * @param publicAuthorityAccess the importer's reported experience with authority requests (SCC Clause 14(b)(ii))
 * @param supplementaryMeasures technical, contractual and organisational measures added (step 4)
 * @param proceduralSteps formal steps the supplementary measures required (step 5), if any
 * @param conclusion the residual-risk verdict
 * @param nextReview when the assessment is re-evaluated (step 6)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransferAssessment(
        LocalDate assessedAt,
        String assessedBy,
        String approvedBy,
        List<String> lawsConsidered,
        String publicAuthorityAccess,
        List<String> supplementaryMeasures,
        @OptionalField String proceduralSteps,
        String conclusion,
        LocalDate nextReview) {

    public TransferAssessment {
        lawsConsidered = Lists.copy(lawsConsidered);
        supplementaryMeasures = Lists.copy(supplementaryMeasures);
    }
}
