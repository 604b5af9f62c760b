package org.trustledger.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.trustledger.system.DataCategory;
import org.trustledger.system.Organisation;
import org.trustledger.system.ProcessingActivity;
import org.trustledger.system.Role;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.Vendor;

/** The GDPR Art. 30 record, derived entirely from the system description: 30(1) as controller, 30(2) as processor. */
public record RopaView(String period, LocalDate generatedOn, String descriptionVersion, LocalDate descriptionReviewed,
        Organisation organisation, List<Activity> controllerActivities, List<Activity> processorActivities) {

    /** One processing activity with every reference resolved to a readable name. */
    public record Activity(String id, String name, String onBehalfOf, String purpose, String legalBasis, String legitimateInterest,
            List<String> dataSubjects, List<String> dataCategories, List<String> recipients, List<String> transfers,
            String retention, List<String> securityMeasures, List<String> systems) {
    }

    public static RopaView of(SystemDescription sd, String period, LocalDate generatedOn) {
        List<Activity> controller = sd.processingActivities().stream().filter(a -> a.role() == Role.CONTROLLER).map(a -> activity(sd, a)).toList();
        List<Activity> processor = sd.processingActivities().stream().filter(a -> a.role() == Role.PROCESSOR).map(a -> activity(sd, a)).toList();
        return new RopaView(period, generatedOn, sd.version(), sd.lastReviewed(), sd.organisation(), controller, processor);
    }

    private static Activity activity(SystemDescription sd, ProcessingActivity a) {
        List<String> recipients = new java.util.ArrayList<>(names(a.recipients().vendors(), sd::vendor, v -> v.name() + " (" + v.category() + ")"));
        recipients.addAll(a.recipients().internal().stream().map(i -> "internal: " + i).toList());
        List<String> transfers = a.transfers().stream().map(t -> {
            String vendor = sd.vendor(t.vendor()).map(Vendor::name).orElse(t.vendor());
            String mechanism = sd.transferMechanism(t).map(m -> m.describe()).orElse("unspecified");
            return vendor + " to " + t.country() + ": " + mechanism;
        }).toList();
        return new Activity(a.id(), a.name(), a.onBehalfOf(), a.purpose(),
                a.legalBasis().code() + " " + a.legalBasis().label(), a.legitimateInterest(),
                names(a.dataSubjectCategories(), sd::dataSubjectCategory, s -> s.name()),
                names(a.dataCategories(), sd::dataCategory, RopaView::categoryName),
                recipients, transfers, a.retention(),
                names(a.securityMeasures(), sd::securityMeasure, m -> m.description()),
                names(a.systems(), sd::system, s -> s.name() + " (" + s.region() + ")"));
    }

    private static String categoryName(DataCategory c) {
        return c.isSpecial() ? c.name() + " (special category, Art. 9)" : c.name();
    }

    private static <T> List<String> names(List<String> ids, Function<String, Optional<T>> lookup, Function<T, String> name) {
        return ids.stream().filter(Objects::nonNull).map(id -> lookup.apply(id).map(name).orElse(id)).toList();
    }
}
