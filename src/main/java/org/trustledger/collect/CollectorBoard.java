package org.trustledger.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.quartz.CronExpression;
import org.trustledger.collect.types.ManualCollector;
import org.trustledger.common.DomainException;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.ledger.EvidenceLedger;
import org.trustledger.ledger.StoredTree;
import org.trustledger.tlog.Codec;

/**
 * What the console shows of the collectors: the filtered list with each collector's latest run, one collector with
 * its definition and state, one run with its evidence's inclusion proof. Definitions live in memory (the registry);
 * the database is asked only for the latest run of each collector shown (one index probe each) and the pages asked for.
 */
@ApplicationScoped
public class CollectorBoard {

    /** The status filter: the latest run's status, {@code stale} (has run, but not within its freshness) or {@code never}. */
    public static final List<String> STATUSES = List.of("pass", "fail", "error", "stale", "never");
    /** Only for pretty-printing JSON this application stored; never for request bodies. */
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Filter(String framework, String control, String type, String status) {
    }

    public record ControlRef(String id, String title) {
    }

    /** A collector with its state: {@code state} is its latest run's status or {@code never}. */
    public record Row(CollectorDefinition definition, String state, boolean fresh, CollectorRun latest, Instant nextRun) {

        public String id() {
            return definition.id();
        }

        /** How long a run counts as current, as people say it: "1 day", "6 hours". */
        public String freshness() {
            return readable(definition.freshness());
        }
    }

    /** One collector: definition, controls with titles, the state, and what a manual collector asks for. */
    public record Detail(Row row, List<ControlRef> controls, String params, String timeout, String evidenceRequired, Long maxValidityDays) {
    }

    /** One run and the inclusion proof of its evidence item in the ledger at its current size (null before the ledger). */
    public record RunEvidence(CollectorRun run, String payload, Long treeSize, String leafHash, String rootHash, List<String> proof) {
    }

    private final CollectorRegistry registry;
    private final CollectorRuns runs;
    private final CollectorScheduler scheduler;
    private final ControlCatalog catalog;
    private final EvidenceLedger ledger;
    private final Clock clock;

    public CollectorBoard(CollectorRegistry registry, CollectorRuns runs, CollectorScheduler scheduler, ControlCatalog catalog,
            EvidenceLedger ledger, Clock clock) {
        this.registry = registry;
        this.runs = runs;
        this.scheduler = scheduler;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    public List<Framework> frameworks() {
        return catalog.frameworks();
    }

    public List<String> types() {
        return List.copyOf(new TreeSet<>(registry.types().keySet()));
    }

    /** Collectors matching the filter, by id, {@code limit} of them after {@code offset}; invalid filters refused at once. */
    public List<Row> list(Filter f, int offset, int limit) {
        List<DomainException.Violation> errors = new ArrayList<>();
        Optional<Framework> fw = Optional.empty();
        if (f.framework() != null) {
            fw = catalog.framework(f.framework());
            if (fw.isEmpty()) {
                errors.add(new DomainException.Violation("framework", "unknown framework"));
            }
        }
        if (f.control() != null && !catalog.isKnown(f.control())) {
            errors.add(new DomainException.Violation("control", "unknown control ID"));
        }
        if (f.type() != null && !registry.types().containsKey(f.type())) {
            errors.add(new DomainException.Violation("type", "must be one of " + String.join(", ", types())));
        }
        if (f.status() != null && !STATUSES.contains(f.status())) {
            errors.add(new DomainException.Violation("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The filter has invalid values.", errors);
        }
        Set<String> fwControls = fw.map(x -> Set.copyOf(x.controls().stream().map(Control::id).toList())).orElse(null);
        List<CollectorDefinition> defs = registry.all().stream()
                .filter(d -> fwControls == null || d.controls().stream().anyMatch(fwControls::contains))
                .filter(d -> f.control() == null || d.controls().contains(f.control()))
                .filter(d -> f.type() == null || d.type().equals(f.type()))
                .toList();
        Instant now = clock.instant();
        if (f.status() == null) {
            // Without a status filter only the page's collectors need their latest run.
            List<CollectorDefinition> page = defs.subList(Math.min(offset, defs.size()), Math.min(offset + limit, defs.size()));
            Map<String, CollectorRun> latest = runs.latestOf(page.stream().map(CollectorDefinition::id).toList());
            return page.stream().map(d -> row(d, latest.get(d.id()), now, cronNext(d, now))).toList();
        }
        Map<String, CollectorRun> latest = runs.latestOf(defs.stream().map(CollectorDefinition::id).toList());
        return defs.stream().map(d -> row(d, latest.get(d.id()), now, null))
                .filter(r -> r.state().equals(f.status()) || f.status().equals("stale") && r.latest() != null && !r.fresh())
                .skip(offset).limit(limit)
                .map(r -> row(r.definition(), r.latest(), now, cronNext(r.definition(), now)))
                .toList();
    }

    /** One collector, with its next run as Quartz has it scheduled. */
    public Detail detail(String collectorId) {
        CollectorDefinition d = registry.require(collectorId);
        Instant now = clock.instant();
        Row row = row(d, runs.latest(d.id()).orElse(null), now, scheduler.nextFireTime(d.id()).map(Date::toInstant).orElse(null));
        List<ControlRef> controls = d.controls().stream()
                .map(c -> new ControlRef(c, catalog.control(c).map(Control::title).orElse(""))).toList();
        boolean manual = d.type().equals("manual");
        return new Detail(row, controls, pretty(d.params()), readable(d.timeout()),
                manual ? d.params().path("evidence").asText() : null, manual ? ManualCollector.maxValidity(d).toDays() : null);
    }

    /** Newest first, {@code limit} after {@code offset}. */
    public List<CollectorRun> runs(String collectorId, int offset, int limit) {
        return runs.page(registry.require(collectorId).id(), offset, limit);
    }

    public Optional<CollectorRun> run(String collectorId, long runId) {
        return runs.find(registry.require(collectorId).id(), runId);
    }

    /** The run with its payload and the inclusion proof of its evidence item; 404 when the collector has no such run. */
    public RunEvidence evidence(String collectorId, long runId) {
        CollectorRun run = run(collectorId, runId).orElseThrow(() -> DomainException.notFound("No such run of this collector."));
        String payload = pretty(run.payload());
        if (run.evidenceIndex() == null) {
            return new RunEvidence(run, payload, null, null, null, List.of());
        }
        long size = ledger.head().treeSize();
        StoredTree.Inclusion p = ledger.inclusion(run.evidenceIndex(), size);
        return new RunEvidence(run, payload, size, Codec.toHex(p.leafHash()), Codec.toHex(p.root()), p.proof().stream().map(Codec::toHex).toList());
    }

    private static Row row(CollectorDefinition d, CollectorRun latest, Instant now, Instant nextRun) {
        return new Row(d, latest == null ? "never" : latest.status().wire(), latest != null && latest.isFreshAt(now, d.freshness()), latest,
                nextRun);
    }

    /** The next slot of the definition's cron, computed rather than read from the job store, so a list page asks Quartz nothing. */
    private static Instant cronNext(CollectorDefinition d, Instant now) {
        try {
            CronExpression cron = new CronExpression(d.schedule());
            cron.setTimeZone(DefinitionLoader.ZONE);
            Date next = cron.getNextValidTimeAfter(Date.from(now));
            return next == null ? null : next.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    /** "30 days", "1 hour", "90 seconds": the largest unit that divides the duration. */
    static String readable(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        } else if (s > 0 && s % 3600 == 0) {
            return plural(s / 3600, "hour");
        } else if (s > 0 && s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }
}
