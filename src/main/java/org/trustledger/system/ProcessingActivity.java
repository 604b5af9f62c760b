package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * One processing activity: a row of the record of processing activities.
 *
 * @param role controller (Art. 30(1) record) or processor (Art. 30(2) record)
 * @param legalBasis an Art. 6(1) basis for controller activities, {@link LegalBasis#ON_BEHALF_OF_CONTROLLER}
 *        for processor activities
 * @param legitimateInterest the interest pursued; required when the basis is Art. 6(1)(f)
 * @param onBehalfOf the controller(s) served; required for processor activities (Art. 30(2)(a))
 * @param dataSubjectCategories ids of {@link DataSubjectCategory}
 * @param dataCategories ids of {@link DataCategory}
 * @param transfers third-country transfers; one entry for each non-EEA country of each recipient vendor
 * @param securityMeasures ids of {@link SecurityMeasure}
 * @param systems ids of {@link HostedSystem} used; optional
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProcessingActivity(
        String id,
        String name,
        Role role,
        @OptionalField String onBehalfOf,
        String purpose,
        LegalBasis legalBasis,
        @OptionalField String legitimateInterest,
        List<String> dataSubjectCategories,
        List<String> dataCategories,
        Recipients recipients,
        String retention,
        @OptionalField List<Transfer> transfers,
        List<String> securityMeasures,
        @OptionalField List<String> systems) {

    public ProcessingActivity {
        dataSubjectCategories = Lists.copy(dataSubjectCategories);
        dataCategories = Lists.copy(dataCategories);
        transfers = Lists.copy(transfers);
        securityMeasures = Lists.copy(securityMeasures);
        systems = Lists.copy(systems);
    }
}
