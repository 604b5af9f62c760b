package org.trustledger.reports;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.Vendor;

/** Renders RoPA and TIA documents from the one system description; nothing else feeds them. */
@ApplicationScoped
public class ReportRenderer {

    @CheckedTemplate(basePath = "reports", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance ropa(RopaView view);

        static native TemplateInstance tia(TiaView view);
    }

    public record Rendered(ReportKind kind, String subject, String period, byte[] html) {
    }

    private final SystemDescription system;

    public ReportRenderer(SystemDescription system) {
        this.system = system;
    }

    public static String monthOf(LocalDate day) {
        return YearMonth.from(day).toString();
    }

    public static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    public Rendered ropa(LocalDate today) {
        String period = monthOf(today);
        String html = Templates.ropa(RopaView.of(system, period, today)).render();
        return new Rendered(ReportKind.ROPA, "organisation", period, html.getBytes(StandardCharsets.UTF_8));
    }

    public List<Rendered> tias(LocalDate today) {
        return TiaView.vendorsNeedingAssessment(system).stream().map(v -> tia(v, today)).toList();
    }

    public Rendered tia(Vendor vendor, LocalDate today) {
        String period = quarterOf(today);
        String html = Templates.tia(TiaView.of(system, vendor, period, today)).render();
        return new Rendered(ReportKind.TIA, vendor.id(), period, html.getBytes(StandardCharsets.UTF_8));
    }

    public List<Vendor> vendorsNeedingAssessment() {
        return TiaView.vendorsNeedingAssessment(system);
    }
}
