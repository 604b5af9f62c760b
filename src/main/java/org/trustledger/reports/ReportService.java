package org.trustledger.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.AppendedEvidence;
import org.trustledger.ledger.EvidenceLedger;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.ledger.NewEvidence;
import org.trustledger.system.Vendor;

/** Renders and records reports, on demand by staff or on schedule. */
@ApplicationScoped
public class ReportService {

    /** The controls a rendering is evidence for. */
    private static final Map<ReportKind, List<String>> CONTROLS = Map.of(
            ReportKind.ROPA, List.of("GDPR:Art.30", "ISO27001:A.5.34"),
            ReportKind.TIA, List.of("GDPR:Art.44", "GDPR:Art.46", "ISO27001:A.5.14", "ISO27001:A.5.34"));

    private final ReportRenderer renderer;
    private final SoaRenderer soa;
    private final ReportStore store;
    private final EvidenceLedger ledger;
    private final GovernanceLog governance;
    private final ObjectMapper json;
    private final Clock clock;

    public ReportService(ReportRenderer renderer, SoaRenderer soa, ReportStore store, EvidenceLedger ledger, GovernanceLog governance,
            ObjectMapper json, Clock clock) {
        this.renderer = renderer;
        this.soa = soa;
        this.store = store;
        this.ledger = ledger;
        this.governance = governance;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Renders the RoPA, the TIAs (all, or the vendor {@code subject}'s) or the SoA of the framework {@code subject}, and
     * stores each rendering with its SHA-256. A RoPA or TIA rendering also becomes an evidence item in the ledger in the
     * same transaction; every rendering is a governance event.
     */
    @Transactional
    public List<Report> render(ReportKind kind, Optional<String> subject, String actor) {
        LocalDate today = LocalDate.now(clock);
        List<ReportRenderer.Rendered> rendered = switch (kind) {
            case ROPA -> List.of(renderer.ropa(today));
            case TIA -> subject.map(id -> List.of(renderer.tia(vendorNeedingAssessment(id), today))).orElseGet(() -> renderer.tias(today));
            case SOA -> List.of(soa(subject.orElseThrow(() -> DomainException.invalid("framework", "is required")), today));
        };
        List<Report> saved = new ArrayList<>();
        for (ReportRenderer.Rendered r : rendered) {
            store.save(r, actor).ifPresent(report -> {
                record(report, actor);
                saved.add(report);
            });
        }
        return saved;
    }

    /** The SoA with internal detail (each collector's latest summary and ledger entry): it is kept for staff, not published. */
    private ReportRenderer.Rendered soa(String framework, LocalDate today) {
        byte[] html = soa.render(framework, true).orElseThrow(() -> DomainException.invalid("framework", "must be one of iso27001, soc2, gdpr"));
        return new ReportRenderer.Rendered(ReportKind.SOA, framework, today.toString(), html);
    }

    private void record(Report report, String actor) {
        ObjectNode payload = json.createObjectNode()
                .put("report_id", report.id())
                .put("kind", report.kind())
                .put("subject", report.subject())
                .put("period", report.period())
                .put("sha256", report.sha256())
                .put("size", report.size());
        ReportKind kind = ReportKind.valueOf(report.kind().toUpperCase(java.util.Locale.ROOT));
        if (!CONTROLS.containsKey(kind)) {
            // An SoA states which controls apply; it is evidence for none of them, so only the governance chain records it.
            governance.record(GovernanceLog.REPORT_RENDERED, actor, "report:" + report.id(), payload);
            return;
        }
        String summary = ("ropa".equals(report.kind()) ? "Record of processing activities " : "Transfer impact assessment " + report.subject() + " ")
                + report.period() + " rendered";
        AppendedEvidence leaf = ledger.append(List.of(new NewEvidence("reports", CONTROLS.get(kind), "pass", summary, payload))).get(0);
        ObjectNode details = payload.deepCopy().put("evidence_index", leaf.index());
        governance.record(GovernanceLog.REPORT_RENDERED, actor, "report:" + report.id(), details);
    }

    private Vendor vendorNeedingAssessment(String id) {
        return renderer.vendorsNeedingAssessment().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNPROCESSABLE, "No vendor with this id transfers data on SCCs, BCRs or a derogation."));
    }
}
