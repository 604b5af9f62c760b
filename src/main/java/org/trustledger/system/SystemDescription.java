package org.trustledger.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The organisation's system description ({@code system/system-description.yaml}): the single source from
 * which the RoPA, the transfer impact assessments, the sub-processor feed and the Statement of
 * Applicability are derived. Load it with {@link SystemDescriptionLoader}. A loaded instance has passed
 * every check, so its required fields are non-null and its references resolve.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SystemDescription(
        String version,
        LocalDate lastReviewed,
        Organisation organisation,
        List<DataSubjectCategory> dataSubjectCategories,
        List<DataCategory> dataCategories,
        List<SecurityMeasure> securityMeasures,
        List<ProcessingActivity> processingActivities,
        List<HostedSystem> systems,
        List<Vendor> vendors,
        Residency residency,
        Scoping scoping) {

    public SystemDescription {
        dataSubjectCategories = Lists.copy(dataSubjectCategories);
        dataCategories = Lists.copy(dataCategories);
        securityMeasures = Lists.copy(securityMeasures);
        processingActivities = Lists.copy(processingActivities);
        systems = Lists.copy(systems);
        vendors = Lists.copy(vendors);
    }

    /**
     * Why a control does not apply: the justification of an ISO exclusion ({@code ISO27001:A.7.1}) or of
     * a GDPR article declared not applicable ({@code GDPR:Art.8}). Empty if the control applies.
     */
    public Optional<String> exclusionJustification(String controlId) {
        if (scoping == null) {
            return Optional.empty();
        }
        return Stream.concat(scoping.isoExclusions().stream(), scoping.gdprNotApplicable().stream())
                .filter(e -> e != null && Objects.equals(e.control(), controlId))
                .map(ControlExclusion::justification)
                .findFirst();
    }

    /** Whether a catalog control applies (no exclusion or not-applicable declaration). */
    public boolean isApplicable(String controlId) {
        return exclusionJustification(controlId).isEmpty();
    }

    /** All vendors with {@code subprocessor: true}, announced ones included, in file order. */
    public List<Vendor> subProcessors() {
        return vendors.stream().filter(Vendor::isSubprocessor).toList();
    }

    /** Sub-processors that may process data on {@code date}, i.e. whose {@code effective_at} is not after it. */
    public List<Vendor> subProcessorsEffectiveOn(LocalDate date) {
        return vendors.stream().filter(v -> v.isSubprocessor() && v.isEffectiveOn(date)).toList();
    }

    /** Announced sub-processors that are not yet effective on {@code date} (pending Art. 28(2) notices). */
    public List<Vendor> upcomingSubProcessors(LocalDate date) {
        return vendors.stream().filter(v -> v.isSubprocessor() && v.isPendingOn(date)).toList();
    }

    public Optional<Vendor> vendor(String id) {
        return byId(vendors, Vendor::id, id);
    }

    public Optional<DataCategory> dataCategory(String id) {
        return byId(dataCategories, DataCategory::id, id);
    }

    public Optional<DataSubjectCategory> dataSubjectCategory(String id) {
        return byId(dataSubjectCategories, DataSubjectCategory::id, id);
    }

    public Optional<ProcessingActivity> processingActivity(String id) {
        return byId(processingActivities, ProcessingActivity::id, id);
    }

    public Optional<HostedSystem> system(String id) {
        return byId(systems, HostedSystem::id, id);
    }

    public Optional<SecurityMeasure> securityMeasure(String id) {
        return byId(securityMeasures, SecurityMeasure::id, id);
    }

    /** The tool covering a transfer: the mechanism declared on its vendor. */
    public Optional<TransferMechanism> transferMechanism(Transfer transfer) {
        return vendor(transfer.vendor()).map(Vendor::transferMechanism);
    }

    /** Regions where a data category is actually stored, according to {@link #systems()}; sorted, distinct. */
    public List<String> storageRegions(String dataCategoryId) {
        return systems.stream()
                .filter(s -> s != null && s.dataCategories().contains(dataCategoryId))
                .map(HostedSystem::region)
                .filter(Objects::nonNull)
                .distinct().sorted().toList();
    }

    /** Processing activities in which a vendor is a recipient. */
    public List<ProcessingActivity> activitiesUsing(String vendorId) {
        return processingActivities.stream()
                .filter(a -> a != null && a.recipients() != null && a.recipients().vendors().contains(vendorId))
                .toList();
    }

    private static <T> Optional<T> byId(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(i -> i != null && Objects.equals(id.apply(i), wanted)).findFirst();
    }
}
