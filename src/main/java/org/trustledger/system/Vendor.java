package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import org.trustledger.config.OptionalField;

/**
 * A vendor that receives personal data.
 *
 * @param url the vendor's public https homepage
 * @param dataAccess short description of the personal data the vendor can access
 * @param countries ISO 3166-1 alpha-2 codes of every country where the vendor stores or accesses the data
 * @param transferMechanism tool covering the countries outside the EEA
 * @param dpaSigned date the data processing agreement was signed (not in the future)
 * @param lastReview date of the last vendor review (not in the future)
 * @param subprocessor true if the vendor processes data that the organisation processes as processor
 *        (customer data), so that it is listed in the public sub-processor feed (Art. 28(2))
 * @param announcedAt when a new sub-processor was announced to customers; optional
 * @param effectiveAt from when it may process data; optional; not before {@code announcedAt}
 * @param removalAnnouncedAt when customers were told the vendor will stop being a sub-processor; optional
 * @param removalEffectiveAt from when it no longer processes data; optional; not before {@code removalAnnouncedAt}
 * @param transferAssessment the transfer impact assessment findings; required when a third-country transfer
 *        relies on an Art. 46 tool or an Art. 49 derogation rather than adequacy
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Vendor(
        String id,
        String name,
        String url,
        String category,
        String purpose,
        String dataAccess,
        List<String> countries,
        TransferMechanism transferMechanism,
        LocalDate dpaSigned,
        LocalDate lastReview,
        Boolean subprocessor,
        @OptionalField LocalDate announcedAt,
        @OptionalField LocalDate effectiveAt,
        @OptionalField LocalDate removalAnnouncedAt,
        @OptionalField LocalDate removalEffectiveAt,
        @OptionalField TransferAssessment transferAssessment) {

    public Vendor {
        countries = Lists.copy(countries);
    }

    /** Whether the vendor is listed as a sub-processor (null-safe). */
    public boolean isSubprocessor() {
        return Boolean.TRUE.equals(subprocessor);
    }

    /** Countries outside the EEA: the ones that make this vendor a third-country transfer. */
    public List<String> thirdCountries() {
        return countries.stream().filter(c -> c != null && !Countries.isEea(c)).toList();
    }

    /** Whether the vendor may process data on {@code date}: effective by then, and not yet removed. */
    public boolean isEffectiveOn(LocalDate date) {
        return (effectiveAt == null || !effectiveAt.isAfter(date)) && (removalEffectiveAt == null || date.isBefore(removalEffectiveAt));
    }

    /** Whether transfers to this vendor need a transfer impact assessment: third countries without adequacy. */
    public boolean needsTransferAssessment() {
        return !thirdCountries().isEmpty() && thirdCountries().stream().allMatch(Countries::isIsoCountry)
                && transferMechanism != null && transferMechanism.type() != null
                && transferMechanism.type() != TransferMechanism.Type.ADEQUACY && transferMechanism.type() != TransferMechanism.Type.NONE;
    }

    /** Whether the vendor is announced but not yet allowed to process data on {@code date}. */
    public boolean isPendingOn(LocalDate date) {
        return effectiveAt != null && effectiveAt.isAfter(date);
    }
}
