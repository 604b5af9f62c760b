package org.trustledger.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustledger.system.Vendor;
import org.trustledger.web.Problem;

/** Renders and records reports, on demand by staff or on schedule. */
@ApplicationScoped
public class ReportService {

    private final ReportRenderer renderer;
    private final ReportStore store;
    private final Clock clock;

    public ReportService(ReportRenderer renderer, ReportStore store, Clock clock) {
        this.renderer = renderer;
        this.store = store;
        this.clock = clock;
    }

    /** Renders the RoPA, or the TIAs (all, or one vendor's), and stores each rendering. */
    public List<Report> render(ReportKind kind, Optional<String> vendorId, String actor) {
        LocalDate today = LocalDate.now(clock);
        List<ReportRenderer.Rendered> rendered = switch (kind) {
            case ROPA -> List.of(renderer.ropa(today));
            case TIA -> vendorId.map(id -> List.of(renderer.tia(vendorNeedingAssessment(id), today))).orElseGet(() -> renderer.tias(today));
        };
        List<Report> saved = new ArrayList<>();
        for (ReportRenderer.Rendered r : rendered) {
            store.save(r, actor).ifPresent(saved::add);
        }
        return saved;
    }

    private Vendor vendorNeedingAssessment(String id) {
        return renderer.vendorsNeedingAssessment().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> Problem.Exception.of(422, "No vendor with this id transfers data on SCCs, BCRs or a derogation."));
    }
}
