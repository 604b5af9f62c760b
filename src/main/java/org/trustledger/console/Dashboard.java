package org.trustledger.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustledger.collect.CollectorRun;
import org.trustledger.collect.CollectorRuns;
import org.trustledger.collect.Coverage;
import org.trustledger.collect.Gaps;
import org.trustledger.collect.Severity;
import org.trustledger.collect.StaleSoon;
import org.trustledger.common.Role;
import org.trustledger.ledger.LedgerOverview;
import org.trustledger.privacy.UpcomingDeadlines;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.Vendor;

/**
 * Everything the {@code /staff} dashboard shows, gathered for the viewer's roles: each part is read only when the
 * viewer may open the page it links to (the same role sets as those pages and their APIs), so the dashboard never
 * shows what a role could not otherwise see. No query here reads a big table unbounded; see the classes it calls.
 */
@ApplicationScoped
public class Dashboard {

    static final Duration HORIZON = Duration.ofDays(14);
    static final int MAX_CASES = 10;

    static final Set<String> EVIDENCE_READERS = Set.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR);
    static final Set<String> CASE_HANDLERS = Set.of(Role.ADMIN, Role.PRIVACY);
    static final Set<String> LEDGER_VERIFIERS = Set.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR);

    /** One framework's current figures and its 30-day trend. */
    public record FrameworkCard(String id, String name, Coverage.Figures now, TrendChart.Chart chart) {
    }

    /** Open gaps of one severity, linked to the gap board filtered on it. */
    public record GapCount(String severity, long count, String href) {
    }

    /**
     * Something due: {@code dueDay} is set for things due on a date (reviews), {@code dueAt} always (for ordering and for
     * exact clocks). {@code href} is null when there is no page for it.
     */
    public record DueItem(String what, String title, Instant dueAt, LocalDate dueDay, boolean overdue, String href) {
    }

    /** The ledger's state as the dashboard summarises it. */
    public record LedgerSummary(long treeSize, String root, Instant issuedAt, LocalDate lastSealedDay) {
    }

    public record View(Instant now, boolean coverageShown, List<FrameworkCard> frameworks, List<GapCount> gaps, long openGaps,
            List<DueItem> due, boolean moreCases, LedgerSummary ledger, boolean mayVerify) {
    }

    private final CollectorRuns latestRuns;
    private final Coverage coverage;
    private final Gaps gapRegister;
    private final CoverageSnapshots snapshots;
    private final StaleSoon staleSoon;
    private final UpcomingDeadlines deadlines;
    private final SystemDescription system;
    private final LedgerOverview ledger;
    private final Clock clock;

    public Dashboard(CollectorRuns latestRuns, Coverage coverage, Gaps gapRegister, CoverageSnapshots snapshots, StaleSoon staleSoon,
            UpcomingDeadlines deadlines, SystemDescription system, LedgerOverview ledger, Clock clock) {
        this.latestRuns = latestRuns;
        this.coverage = coverage;
        this.gapRegister = gapRegister;
        this.snapshots = snapshots;
        this.staleSoon = staleSoon;
        this.deadlines = deadlines;
        this.system = system;
        this.ledger = ledger;
        this.clock = clock;
    }

    public View view(Set<String> roles) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant until = now.plus(HORIZON);
        LocalDate untilDay = today.plusDays(HORIZON.toDays());
        boolean evidence = any(roles, EVIDENCE_READERS);

        List<FrameworkCard> cards = List.of();
        List<GapCount> gaps = List.of();
        long openGaps = 0;
        List<DueItem> due = new ArrayList<>();
        Map<String, CollectorRun> latest = evidence ? latestRuns.latestAll() : Map.of();
        if (evidence) {
            List<Coverage.Figures> current = coverage.figures(latest, now);
            cards = cards(current, today, now);
            gaps = new ArrayList<>();
            for (Map.Entry<Severity, Long> e : gapRegister.openBySeverity().entrySet().stream()
                    .sorted(Map.Entry.<Severity, Long>comparingByKey().reversed()).toList()) {
                gaps.add(new GapCount(e.getKey().wire(), e.getValue(), "/staff/gaps?status=open&severity=" + e.getKey().wire()));
                openGaps += e.getValue();
            }
            for (StaleSoon.Item i : staleSoon.evidence(latest, now, until)) {
                due.add(new DueItem(i.kind() == StaleSoon.Kind.UPLOAD_EXPIRES ? "Upload expires" : "Evidence goes stale", i.title(),
                        i.dueAt(), null, i.overdue(), "/staff/collectors/" + i.collectorId()));
            }
            for (StaleSoon.Item i : staleSoon.policyReviews(today, untilDay)) {
                LocalDate day = LocalDate.ofInstant(i.dueAt(), ZoneOffset.UTC).minusDays(1);
                due.add(new DueItem("Policy review", i.title(), i.dueAt(), day, i.overdue(),
                        i.collectorId() == null ? null : "/staff/collectors/" + i.collectorId()));
            }
        }
        if (roles.contains(Role.ADMIN)) {
            for (StaleSoon.Item i : staleSoon.tokensExpiring(now, until)) {
                due.add(new DueItem("Token expires", i.title(), i.dueAt(), null, false,
                        i.accountId() != null ? "/staff/accounts" : "/staff/collectors/" + i.collectorId()));
            }
        }
        boolean moreCases = false;
        if (any(roles, CASE_HANDLERS)) {
            List<UpcomingDeadlines.CaseDue> cases = deadlines.cases(now, until, MAX_CASES + 1);
            moreCases = cases.size() > MAX_CASES;
            for (UpcomingDeadlines.CaseDue c : cases.subList(0, Math.min(cases.size(), MAX_CASES))) {
                due.add(new DueItem("Privacy request", "Request " + c.id() + ": " + c.requestType() + " (" + c.jurisdiction() + ", "
                        + c.status().replace('_', ' ') + ")", c.dueAt(), null, c.overdue(), "/staff/privacy/requests/" + c.id()));
            }
        }
        // Breach, DPIA and TIA pages are open to every staff role.
        for (UpcomingDeadlines.NotificationDue n : deadlines.breachNotifications(now, until)) {
            due.add(new DueItem("Breach notification", "Breach " + n.breachId() + " \u201c" + n.title() + "\u201d: notify the "
                    + party(n.party()), n.dueAt(), null, n.overdue(), "/staff/privacy/breaches"));
        }
        for (UpcomingDeadlines.ReviewDue r : deadlines.dpiaReviews(today, untilDay)) {
            due.add(new DueItem("DPIA review", r.title(), startOf(r.nextReview()), r.nextReview(), r.overdue(), "/staff/privacy/registers"));
        }
        for (Vendor v : system.vendors()) {
            if (v.needsTransferAssessment() && v.transferAssessment() != null && v.transferAssessment().nextReview() != null
                    && !v.transferAssessment().nextReview().isAfter(untilDay)) {
                LocalDate review = v.transferAssessment().nextReview();
                due.add(new DueItem("TIA review", "Transfer impact assessment for " + v.name(), startOf(review), review,
                        review.isBefore(today), "/staff/reports"));
            }
        }
        due.sort(Comparator.comparing(DueItem::dueAt).thenComparing(DueItem::what).thenComparing(DueItem::title));

        LedgerOverview.CheckpointView cp = ledger.checkpoint();
        LedgerSummary summary = new LedgerSummary(cp.treeSize(), cp.rootHex(), cp.issuedAt(), ledger.lastSealedDay());
        return new View(now, evidence, cards, gaps, openGaps, due, moreCases, summary, any(roles, LEDGER_VERIFIERS));
    }

    private List<FrameworkCard> cards(List<Coverage.Figures> current, LocalDate today, Instant now) {
        LocalDate first = today.minusDays(TrendChart.DAYS - 1L);
        List<CoverageSnapshots.Snapshot> stored = snapshots.since(first);
        Map<String, Map<LocalDate, CoverageSnapshots.Snapshot>> byFramework = new HashMap<>();
        for (CoverageSnapshots.Snapshot s : stored) {
            byFramework.computeIfAbsent(s.framework(), k -> new HashMap<>()).put(s.day(), s);
        }
        // Write today's row only when a figure changed since it was last stored: a steady dashboard writes nothing.
        boolean changed = current.stream().anyMatch(f -> {
            CoverageSnapshots.Snapshot s = byFramework.getOrDefault(f.framework(), Map.of()).get(today);
            return s == null || !s.sameFigures(f);
        });
        if (changed) {
            snapshots.save(today, current, now);
        }
        List<FrameworkCard> out = new ArrayList<>();
        for (Coverage.Figures f : current) {
            Map<LocalDate, CoverageSnapshots.Snapshot> mine = byFramework.getOrDefault(f.framework(), Map.of());
            List<TrendChart.Point> points = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                if (d.equals(today)) {
                    points.add(new TrendChart.Point(d, true, f.passing(), f.failing(), f.stale(), f.covered()));
                } else {
                    CoverageSnapshots.Snapshot s = mine.get(d);
                    points.add(s == null ? TrendChart.Point.none(d)
                            : new TrendChart.Point(d, true, s.passing(), s.failing(), s.stale(), s.covered()));
                }
            }
            out.add(new FrameworkCard(f.framework(), f.name(), f, TrendChart.of(f.name(), points)));
        }
        return out;
    }

    private static String party(String wire) {
        return switch (wire) {
            case "authority" -> "supervisory authority";
            case "subjects" -> "data subjects";
            default -> wire;
        };
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean any(Set<String> held, Set<String> wanted) {
        return wanted.stream().anyMatch(held::contains);
    }
}
