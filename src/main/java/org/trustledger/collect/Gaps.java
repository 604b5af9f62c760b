package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trustledger.ledger.GovernanceLog;
import org.jboss.logging.Logger;

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

    private final DataSource db;
    private final Clock clock;
    private final GovernanceLog governance;

    public Gaps(DataSource db, Clock clock, GovernanceLog governance) {
        this.db = db;
        this.clock = clock;
        this.governance = governance;
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

    Gap open(String source, List<String> controls, Severity severity, String reason, Long runId, String actor) {
        Instant now = clock.instant();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO gap (source, controls, severity, status, reason, opened_at, opened_by_run, last_seen_at)
                        VALUES (?, ?, ?, 'open', ?, ?, ?, ?)
                        ON CONFLICT (source) WHERE status = 'open' DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
                        RETURNING id, (xmax = 0) AS inserted
                        """)) {
            s.setString(1, source);
            s.setArray(2, Jdbc.textArray(c, controls));
            s.setString(3, severity.wire());
            s.setString(4, CollectorResult.oneLine(reason));
            s.setTimestamp(5, Jdbc.ts(now));
            if (runId == null) {
                s.setNull(6, java.sql.Types.BIGINT);
            } else {
                s.setLong(6, runId);
            }
            s.setTimestamp(7, Jdbc.ts(now));
            long id;
            boolean inserted;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                inserted = rs.getBoolean(2);
            }
            if (inserted) {
                transition(c, id, actor, "opened", CollectorResult.oneLine(reason));
            }
            return get(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open gap", e);
        }
    }

    Optional<Gap> closeBySource(String source, String resolution, Long runId, String actor) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM gap WHERE source = ? AND status = 'open' FOR UPDATE")) {
            s.setString(1, source);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(close(c, rs.getLong(1), resolution, actor, runId));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close gap", e);
        }
    }

    /** Staff assignment; empty when there is no such gap. */
    @Transactional
    public Optional<Gap> assign(long id, String assignee, String actor) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE gap SET assignee = ? WHERE id = ? RETURNING id")) {
            s.setString(1, assignee);
            s.setLong(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
            transition(c, id, actor, "assigned", "assigned to " + assignee);
            return get(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot assign gap", e);
        }
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
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT status FROM gap WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new NotFound();
                }
                if (!Gap.OPEN.equals(rs.getString(1))) {
                    return new AlreadyClosed(get(c, id).orElseThrow());
                }
            }
            return new Closed(close(c, id, resolution, actor, null));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close gap", e);
        }
    }

    private Gap close(Connection c, long id, String resolution, String actor, Long runId) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE gap SET status = 'closed', resolution = ?, closed_at = ?, closed_by = ?, closed_by_run = ? WHERE id = ?")) {
            u.setString(1, resolution);
            u.setTimestamp(2, Jdbc.ts(clock.instant()));
            u.setString(3, actor);
            if (runId == null) {
                u.setNull(4, java.sql.Types.BIGINT);
            } else {
                u.setLong(4, runId);
            }
            u.setLong(5, id);
            u.executeUpdate();
        }
        transition(c, id, actor, "closed", resolution);
        return get(c, id).orElseThrow();
    }

    /**
     * The one place a gap transition (opened, assigned, closed) is recorded, in the register's history
     * and on the governance chain, inside the caller's transaction.
     */
    private void transition(Connection c, long gapId, String actor, String action, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gap_event (gap_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, gapId);
            s.setTimestamp(2, Jdbc.ts(clock.instant()));
            s.setString(3, actor);
            s.setString(4, action);
            s.setString(5, detail);
            s.executeUpdate();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", action);
        details.put("detail", detail);
        governance.record(GovernanceLog.GAP_CHANGED, actor, "gap:" + gapId, details);
        LOG.infof("Gap %d %s", gapId, action);
    }

    @Transactional
    public Optional<Gap> findOpen(String source) {
        return query("SELECT " + Gap.COLUMNS + " FROM gap WHERE source = ? AND status = 'open'", List.of(source)).stream().findFirst();
    }

    @Transactional
    public Optional<Gap> get(long id) {
        try (Connection c = db.getConnection()) {
            return get(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Gap> get(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + Gap.COLUMNS + " FROM gap WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Gap.read(rs)) : Optional.empty();
            }
        }
    }

    @Transactional
    public List<Gap.Event> events(long gapId) {
        List<Gap.Event> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, at, actor, action, detail FROM gap_event WHERE gap_id = ? ORDER BY id")) {
            s.setLong(1, gapId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Gap.Event(rs.getLong(1), Jdbc.instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Sources of the open gaps whose source starts with {@code prefix} (e.g. {@code breach:}), sorted. */
    @Transactional
    public List<String> openSourcesStartingWith(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT source FROM gap WHERE status = 'open' AND source LIKE ? ORDER BY source")) {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Filters are optional; newest first. */
    @Transactional
    public List<Gap> list(String status, String severity, String control, String source, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + Gap.COLUMNS + " FROM gap WHERE true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (severity != null) {
            sql.append(" AND severity = ?");
            args.add(severity);
        }
        if (control != null) {
            sql.append(" AND ? = ANY (controls)");
            args.add(control);
        }
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        sql.append(" ORDER BY opened_at DESC, id DESC LIMIT ").append(limit);
        return query(sql.toString(), args);
    }

    private List<Gap> query(String sql, List<Object> args) {
        List<Gap> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(Gap.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
