package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.staff.StaffAccounts;

/**
 * The nonconformity register. A failing, erroring or stale check opens a gap for its source (at most
 * one open gap per source, enforced by a partial unique index, so concurrent instances cannot open two);
 * the next passing run of the same source closes it. Other features (breach SLAs) call
 * {@link #open} and {@link #closeBySource} directly.
 */
@ApplicationScoped
public class Gaps {

    private static final Logger LOG = Logger.getLogger(Gaps.class);
    public static final String SYSTEM = "system";

    static final int MAX_RESOLUTION = 2000;

    private final Clock clock;
    private final GovernanceLog governance;
    private final StaffAccounts staffAccounts;

    public Gaps(Clock clock, GovernanceLog governance, StaffAccounts staffAccounts) {
        this.clock = clock;
        this.governance = governance;
        this.staffAccounts = staffAccounts;
    }

    /** Opens a gap for {@code source}, or refreshes {@code last_seen_at} of the one already open. */
    @Transactional
    public Gap open(String source, List<String> controls, Severity severity, String reason) {
        return open(source, controls, severity, reason, null, SYSTEM);
    }

    /** Closes the open gap of {@code source}, if there is one. */
    @Transactional
    public Optional<Gap> closeBySource(String source, String resolution) {
        return closeBySource(source, resolution, null, SYSTEM);
    }

    /** Called by {@link RunRecorder} in the run's transaction: a pass closes, anything else opens. */
    @Transactional
    void afterRun(CollectorDefinition d, CollectorRun run) {
        if (run.status() == RunStatus.PASS) {
            closeBySource(d.id(), "closed by passing run " + run.id(), run.id(), "collector:" + d.id());
        } else {
            open(d.id(), d.controls(), d.severity(), "run " + run.id() + " " + run.status().wire() + ": " + run.summary(), run.id(),
                    "collector:" + d.id());
        }
    }

    /** Opens a gap for every collector whose latest run is older than its freshness. Returns the sources that were newly opened. */
    @Transactional
    public List<String> openForStaleEvidence(List<CollectorDefinition> definitions, Map<String, CollectorRun> latest) {
        Instant now = clock.instant();
        List<String> opened = new ArrayList<>();
        for (CollectorDefinition d : definitions) {
            CollectorRun run = latest.get(d.id());
            // A collector that never ran has no evidence to go stale; coverage reports it as not fresh.
            if (run == null || run.isFreshAt(now, d.freshness())) {
                continue;
            }
            if (findOpen(d.id()).isEmpty()) {
                open(d.id(), d.controls(), d.severity(), "evidence stale: latest run " + run.id() + " was collected at "
                        + run.collectedAt() + ", older than its freshness " + CollectorDefinition.text(d.freshness()), null, SYSTEM);
                opened.add(d.id());
            }
        }
        return opened;
    }

    /**
     * Native because the partial unique index on open gaps is what keeps concurrent instances from opening two
     * for one source, and only ON CONFLICT can lean on it without aborting the transaction.
     */
    Gap open(String source, List<String> controls, Severity severity, String reason, Long runId, String actor) {
        Instant now = clock.instant();
        Tuple row = GapEntry.getEntityManager().unwrap(Session.class).createNativeQuery("""
                INSERT INTO gap (source, controls, severity, status, reason, opened_at, opened_by_run, last_seen_at)
                VALUES (:source, CAST(:controls AS TEXT[]), :severity, 'open', :reason, :now, :runId, :now)
                ON CONFLICT (source) WHERE status = 'open' DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
                RETURNING id, (xmax = 0) AS inserted
                """, Tuple.class)
                .setParameter("source", source)
                .setParameter("controls", arrayLiteral(controls))
                .setParameter("severity", severity.wire())
                .setParameter("reason", CollectorResult.oneLine(reason))
                .setParameter("now", now)
                .setParameter("runId", runId, Long.class)
                .getSingleResult();
        long id = ((Number) row.get("id")).longValue();
        if ((Boolean) row.get("inserted")) {
            transition(id, actor, "opened", CollectorResult.oneLine(reason));
        }
        GapEntry gap = GapEntry.findById(id);
        // The upsert bypassed the persistence context: a copy loaded earlier in this transaction is stale.
        GapEntry.getEntityManager().refresh(gap);
        return gap.view();
    }

    /** A PostgreSQL array literal with every element quoted, so commas or quotes in a value stay inside it. */
    static String arrayLiteral(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    Optional<Gap> closeBySource(String source, String resolution, Long runId, String actor) {
        return GapEntry.<GapEntry>find("source = ?1 and status = ?2", source, Gap.OPEN).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(g -> close(g, resolution, actor, runId));
    }

    /** Staff assignment; empty when there is no such gap. */
    @Transactional
    public Optional<Gap> assign(long id, String assignee, String actor) {
        return GapEntry.<GapEntry>findByIdOptional(id).map(g -> {
            g.assignee = assignee;
            transition(id, actor, "assigned", "assigned to " + assignee);
            return g.view();
        });
    }

    /**
     * Staff assigning a gap to an enabled staff account, as the API and the console do it: 404 for no such gap, invalid
     * for a malformed username (checked first), unprocessable (422) for one that is not an enabled account.
     */
    @Transactional
    public Gap assignTo(long id, String assignee, String actor) {
        String username = assignee == null ? "" : assignee.strip();
        if (username.isEmpty()) {
            throw DomainException.invalid("assignee", "is required");
        }
        if (!GapBoard.USERNAME.matcher(username).matches()) {
            throw DomainException.invalid("assignee", "must be a staff username");
        }
        if (GapEntry.findById(id) == null) {
            throw DomainException.notFound("No such gap.");
        }
        if (!staffAccounts.isEnabled(username)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "The assignee must be an enabled staff account.",
                    List.of(new DomainException.Violation("assignee", "no enabled staff account with this username")));
        }
        return assign(id, username, actor).orElseThrow(() -> DomainException.notFound("No such gap."));
    }

    /** Staff closing an open gap with a resolution: invalid without one, 404 for no such gap, 409 when already closed. */
    @Transactional
    public Gap closeWithResolution(long id, String resolution, String actor) {
        String text = resolution == null ? "" : resolution.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("resolution", "is required");
        }
        if (text.length() > MAX_RESOLUTION) {
            throw DomainException.invalid("resolution", "must be at most " + MAX_RESOLUTION + " characters");
        }
        CloseOutcome outcome = closeByStaff(id, text, actor);
        if (outcome instanceof Closed c) {
            return c.gap();
        }
        if (outcome instanceof AlreadyClosed) {
            throw DomainException.conflict("This gap is already closed.");
        }
        throw DomainException.notFound("No such gap.");
    }

    public sealed interface CloseOutcome {
    }

    public record Closed(Gap gap) implements CloseOutcome {
    }

    public record NotFound() implements CloseOutcome {
    }

    public record AlreadyClosed(Gap gap) implements CloseOutcome {
    }

    /** Staff closing a gap with a resolution. */
    @Transactional
    public CloseOutcome closeByStaff(long id, String resolution, String actor) {
        GapEntry g = GapEntry.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (g == null) {
            return new NotFound();
        }
        if (!Gap.OPEN.equals(g.status)) {
            return new AlreadyClosed(g.view());
        }
        return new Closed(close(g, resolution, actor, null));
    }

    private Gap close(GapEntry g, String resolution, String actor, Long runId) {
        g.status = Gap.CLOSED;
        g.resolution = resolution;
        g.closedAt = clock.instant();
        g.closedBy = actor;
        g.closedByRun = runId;
        GapEntry.flush();
        transition(g.id, actor, "closed", resolution);
        return g.view();
    }

    /**
     * The one place a gap transition (opened, assigned, closed) is recorded, in the register's history
     * and on the governance chain, inside the caller's transaction.
     */
    private void transition(long gapId, String actor, String action, String detail) {
        GapEvent e = new GapEvent();
        e.gapId = gapId;
        e.at = clock.instant();
        e.actor = actor;
        e.action = action;
        e.detail = detail;
        e.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", action);
        details.put("detail", detail);
        governance.record(GovernanceLog.GAP_CHANGED, actor, "gap:" + gapId, details);
        LOG.infof("Gap %d %s", gapId, action);
    }

    @Transactional
    public Optional<Gap> findOpen(String source) {
        return GapEntry.<GapEntry>find("source = ?1 and status = ?2", source, Gap.OPEN).firstResultOptional().map(GapEntry::view);
    }

    @Transactional
    public Optional<Gap> get(long id) {
        return GapEntry.<GapEntry>findByIdOptional(id).map(GapEntry::view);
    }

    @Transactional
    public List<Gap.Event> events(long gapId) {
        return GapEvent.<GapEvent>list("gapId = ?1 order by id", gapId).stream().map(GapEvent::view).toList();
    }

    /** The first {@code limit} events of a gap, oldest first, along {@code gap_event_gap}. */
    @Transactional
    public List<Gap.Event> events(long gapId, int limit) {
        return GapEvent.<GapEvent>find("gapId = ?1 order by id", gapId).range(0, limit - 1).list().stream().map(GapEvent::view).toList();
    }

    /** The newest gaps of a source, open or closed, along {@code gap_source}. */
    @Transactional
    public List<Gap> recentForSource(String source, int limit) {
        return GapEntry.<GapEntry>find("source = ?1 order by openedAt desc, id desc", source).range(0, limit - 1).list().stream()
                .map(GapEntry::view).toList();
    }

    /** Sources of the open gaps whose source starts with {@code prefix} (e.g. {@code breach:}), sorted. */
    @Transactional
    public List<String> openSourcesStartingWith(String prefix) {
        String pattern = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return GapEntry.getEntityManager()
                .createQuery("select g.source from GapEntry g where g.status = :open and g.source like :pattern escape '!' order by g.source",
                        String.class)
                .setParameter("open", Gap.OPEN).setParameter("pattern", pattern).getResultList();
    }

    /** Open gaps per severity (every severity present, zero when none), counted from the partial index {@code gap_open_severity}. */
    @Transactional
    public Map<Severity, Long> openBySeverity() {
        Map<Severity, Long> out = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0L);
        }
        for (Tuple row : GapEntry.getEntityManager()
                .createQuery("select g.severity, count(g) from GapEntry g where g.status = :open group by g.severity", Tuple.class)
                .setParameter("open", Gap.OPEN).getResultList()) {
            out.put(Severity.parse(row.get(0, String.class)).orElseThrow(), row.get(1, Long.class));
        }
        return out;
    }

    /** Filters are optional; newest first. */
    @Transactional
    public List<Gap> list(String status, String severity, String control, String source, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> args = new LinkedHashMap<>();
        if (status != null) {
            where.add("status = :status");
            args.put("status", status);
        }
        if (severity != null) {
            where.add("severity = :severity");
            args.put("severity", severity);
        }
        if (control != null) {
            where.add("array_contains(controls, :control)");
            args.put("control", control);
        }
        if (source != null) {
            where.add("source = :source");
            args.put("source", source);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by openedAt desc, id desc";
        return GapEntry.<GapEntry>find(query, args).page(0, limit).list().stream().map(GapEntry::view).toList();
    }
}
