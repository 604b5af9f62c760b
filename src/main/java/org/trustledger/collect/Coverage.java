package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.system.SystemDescription;

/**
 * How far the collectors cover a framework, and how the covered controls stand. Definitions, for an
 * applicable control:
 * <ul>
 * <li><b>covered</b>: at least one collector is tagged with it;</li>
 * <li><b>failing</b>: covered, and the latest run of at least one of its collectors is {@code fail} or
 * {@code error} (however old);</li>
 * <li><b>passing</b>: covered, and the latest run of every one of its collectors is {@code pass} and
 * within that collector's freshness;</li>
 * <li><b>stale</b>: covered but neither failing nor passing: some collector has never run, or its
 * latest run is a {@code pass} older than its freshness.</li>
 * </ul>
 * So passing + failing + stale = covered. A control's latest_status is the worst of its collectors'
 * latest runs (fail, then error, then pass), collected_at the oldest of them, and fresh says whether
 * every one of them has run and is within freshness. Not-applicable controls list their collectors but
 * count in no total except {@code total}.
 */
@ApplicationScoped
public class Coverage {

    private final ControlCatalog catalog;
    private final SystemDescription system;
    private final CollectorRegistry registry;
    private final CollectorRuns runs;
    private final Clock clock;

    public Coverage(ControlCatalog catalog, SystemDescription system, CollectorRegistry registry, CollectorRuns runs, Clock clock) {
        this.catalog = catalog;
        this.system = system;
        this.registry = registry;
        this.runs = runs;
        this.clock = clock;
    }

    public record Totals(int total, int applicable, int covered, int passing, int failing, int stale) {
    }

    public record ControlCoverage(String id, String title, boolean applicable, List<String> collectors, String latestStatus,
            Instant collectedAt, boolean fresh, String state) {
    }

    public record Report(String framework, Instant generatedAt, Totals totals, List<ControlCoverage> controls) {
    }

    /** A framework's totals with its name, as the console dashboard and its daily snapshots show them. */
    public record Figures(String framework, String name, int total, int applicable, int covered, int passing, int failing, int stale) {

        public int notCovered() {
            return applicable - covered;
        }
    }

    public Optional<Report> of(String frameworkId) {
        return catalog.framework(frameworkId).map(fw -> of(fw, runs.latestAll(), clock.instant()));
    }

    /** Every framework of the catalog, in catalog order, from one read of each collector's newest run. */
    public List<Figures> figures(Map<String, CollectorRun> latest, Instant now) {
        List<Figures> out = new ArrayList<>();
        for (Framework fw : catalog.frameworks()) {
            Totals t = of(fw, latest, now).totals();
            out.add(new Figures(fw.id(), fw.name(), t.total(), t.applicable(), t.covered(), t.passing(), t.failing(), t.stale()));
        }
        return out;
    }

    private Report of(Framework fw, Map<String, CollectorRun> latest, Instant now) {
        List<CollectorDefinition> defs = registry.all();
        List<ControlCoverage> out = new ArrayList<>();
        int applicable = 0;
        int covered = 0;
        int passing = 0;
        int failing = 0;
        int stale = 0;
        for (Control c : fw.controls()) {
            boolean isApplicable = system.isApplicable(c.id());
            List<CollectorDefinition> mine = defs.stream().filter(d -> d.controls().contains(c.id())).toList();
            List<CollectorRun> theirRuns = mine.stream().map(d -> latest.get(d.id())).filter(r -> r != null).toList();
            boolean allRan = theirRuns.size() == mine.size();
            boolean allFresh = !mine.isEmpty() && allRan && mine.stream().allMatch(d -> latest.get(d.id()).isFreshAt(now, d.freshness()));
            RunStatus worst = theirRuns.stream().map(CollectorRun::status).max(Comparator.naturalOrder()).orElse(null);
            Instant oldest = theirRuns.stream().map(CollectorRun::collectedAt).min(Comparator.naturalOrder()).orElse(null);
            String state;
            if (!isApplicable) {
                state = "not_applicable";
            } else if (mine.isEmpty()) {
                state = "not_covered";
            } else if (worst == RunStatus.FAIL || worst == RunStatus.ERROR) {
                state = "failing";
            } else if (allFresh) {
                state = "passing";
            } else {
                state = "stale";
            }
            if (isApplicable) {
                applicable++;
                if (!mine.isEmpty()) {
                    covered++;
                }
                switch (state) {
                    case "passing" -> passing++;
                    case "failing" -> failing++;
                    case "stale" -> stale++;
                    default -> {
                    }
                }
            }
            out.add(new ControlCoverage(c.id(), c.title(), isApplicable, mine.stream().map(CollectorDefinition::id).toList(),
                    worst == null ? null : worst.wire(), oldest, allFresh, state));
        }
        return new Report(fw.id(), now, new Totals(fw.controls().size(), applicable, covered, passing, failing, stale), out);
    }
}
