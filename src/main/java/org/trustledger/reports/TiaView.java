package org.trustledger.reports;

import java.time.LocalDate;
import java.util.List;
import org.trustledger.system.ProcessingActivity;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.TransferAssessment;
import org.trustledger.system.Vendor;

/**
 * A transfer impact assessment for one vendor, in the six steps of EDPB Recommendations 01/2020.
 * Steps 1 and 2 come from the model's facts; steps 3 to 6 from the vendor's recorded assessment.
 */
public record TiaView(String period, LocalDate generatedOn, String exporter, String exporterCountry, Vendor vendor, String mechanism,
        List<String> thirdCountries, List<Flow> flows, TransferAssessment assessment, boolean reviewOverdue) {

    /** Step 1: one activity whose data reaches the vendor. */
    public record Flow(String activity, String role, String purpose, List<String> dataSubjects, List<String> dataCategories) {
    }

    /** Vendors whose transfers need an assessment: third countries without adequacy. */
    public static List<Vendor> vendorsNeedingAssessment(SystemDescription sd) {
        return sd.vendors().stream().filter(Vendor::needsTransferAssessment).toList();
    }

    public static TiaView of(SystemDescription sd, Vendor v, String period, LocalDate generatedOn) {
        List<Flow> flows = sd.activitiesUsing(v.id()).stream().map(a -> flow(sd, a)).toList();
        TransferAssessment t = v.transferAssessment();
        return new TiaView(period, generatedOn, sd.organisation().legalEntity(), sd.organisation().address().country(), v,
                v.transferMechanism().describe(), v.thirdCountries(), flows, t,
                t != null && t.nextReview() != null && !t.nextReview().isAfter(generatedOn));
    }

    private static Flow flow(SystemDescription sd, ProcessingActivity a) {
        return new Flow(a.name(), a.role().yamlValue(), a.purpose(),
                a.dataSubjectCategories().stream().map(id -> sd.dataSubjectCategory(id).map(s -> s.name()).orElse(id)).toList(),
                a.dataCategories().stream().map(id -> sd.dataCategory(id).map(c -> c.name()).orElse(id)).toList());
    }
}
