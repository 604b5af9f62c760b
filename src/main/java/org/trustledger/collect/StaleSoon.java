package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.quartz.CronExpression;
import org.trustledger.policies.Policy;
import org.trustledger.policies.PolicyLibrary;

/**
 * What of the collectors' side comes due soon, for the console dashboard: current evidence that will lapse before
 * anything refreshes it (a manual upload's expiry; a passing run whose freshness ends before the collector's next
 * scheduled run), policy reviews, and push tokens that expire. Every query is bounded by the number of collector
 * definitions or by small tables (manual uploads per manual collector, live tokens by the expiry index).
 */
@ApplicationScoped
public class StaleSoon {

    /** What comes due. */
    public enum Kind {
        UPLOAD_EXPIRES, EVIDENCE_STALE, POLICY_REVIEW, TOKEN_EXPIRES
    }

    /**
     * One thing due at {@code dueAt} (already past when {@code overdue}). {@code collectorId} is the collector it
     * concerns (for policies, the policy-currency collector checking it, if any); {@code accountId} the service
     * account of an account token.
     */
    public record Item(Kind kind, Instant dueAt, boolean overdue, String title, String collectorId, Long accountId) {
    }

    private final CollectorRegistry registry;
    private final PolicyLibrary policies;
    private final DataSource dataSource;

    public StaleSoon(CollectorRegistry registry, PolicyLibrary policies, DataSource dataSource) {
        this.registry = registry;
        this.policies = policies;
        this.dataSource = dataSource;
    }

    /** Evidence lapsing between {@code now} and {@code until}, given each collector's newest run. */
    public List<Item> evidence(Map<String, CollectorRun> latest, Instant now, Instant until) {
        List<Item> out = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        for (CollectorDefinition d : registry.all()) {
            if (d.type().equals("manual")) {
                manual.add(d.id());
            }
            CollectorRun run = latest.get(d.id());
            if (run == null || run.status() != RunStatus.PASS || !run.isFreshAt(now, d.freshness())) {
                continue; // already failing or stale: the coverage figures and the gap board show it
            }
            Instant staleAt = run.collectedAt().plus(d.freshness());
            if (staleAt.isAfter(until)) {
                continue;
            }
            Optional<Instant> next = nextRun(d, now);
            if (next.isEmpty() || next.get().isAfter(staleAt)) {
                out.add(new Item(Kind.EVIDENCE_STALE, staleAt, false, d.id() + ": " + d.description(), d.id(), null));
            }
        }
        out.addAll(uploadsExpiring(manual, now, until));
        return out;
    }

    /** When the collector's cron schedule fires next after {@code now} (UTC, as the scheduler reads it). */
    static Optional<Instant> nextRun(CollectorDefinition d, Instant now) {
        try {
            CronExpression cron = new CronExpression(d.schedule());
            cron.setTimeZone(DefinitionLoader.ZONE);
            Date next = cron.getNextValidTimeAfter(Date.from(now));
            return Optional.ofNullable(next).map(Date::toInstant);
        } catch (ParseException e) {
            return Optional.empty(); // definitions are validated at start; an unparsable one never runs
        }
    }

    /** Per manual collector, the upload valid longest, when it expires before {@code until}. */
    private List<Item> uploadsExpiring(List<String> collectorIds, Instant now, Instant until) {
        List<Item> out = new ArrayList<>();
        if (collectorIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT c.id, u.filename, u.expires_at FROM unnest(?) AS c(id)
                        CROSS JOIN LATERAL (SELECT filename, expires_at FROM manual_upload
                                             WHERE collector_id = c.id AND expires_at > ?
                                             ORDER BY expires_at DESC, id DESC LIMIT 1) u
                         WHERE u.expires_at <= ?
                        """)) {
            Array ids = c.createArrayOf("text", collectorIds.toArray());
            ps.setArray(1, ids);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(Kind.UPLOAD_EXPIRES, rs.getObject(3, OffsetDateTime.class).toInstant(), false,
                            rs.getString(1) + ": " + rs.getString(2), rs.getString(1), null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read manual uploads", e);
        }
        return out;
    }

    /** Policies whose review is due on or before {@code until} (overdue ones included), linked to their currency check. */
    public List<Item> policyReviews(LocalDate today, LocalDate until) {
        List<CollectorDefinition> checks = registry.all().stream().filter(d -> d.type().equals("policy-currency")).toList();
        List<Item> out = new ArrayList<>();
        for (Policy p : policies.policies()) {
            if (p.reviewDue().isAfter(until)) {
                continue;
            }
            String check = checks.stream().filter(d -> named(d, p.id())).findFirst()
                    .or(() -> checks.stream().filter(d -> !d.params().has("policies")).findFirst())
                    .map(CollectorDefinition::id).orElse(null);
            // A policy counts as reviewed through the whole of its due day.
            Instant due = p.reviewDue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            out.add(new Item(Kind.POLICY_REVIEW, due, p.isOverdueOn(today), p.title() + " (" + p.id() + ", version " + p.version() + ")",
                    check, null));
        }
        return out;
    }

    private static boolean named(CollectorDefinition d, String policyId) {
        for (var n : d.params().path("policies")) {
            if (n.asText().equals(policyId)) {
                return true;
            }
        }
        return false;
    }

    /** Push tokens, neither revoked nor expired, that expire before {@code until}; served by the live-expiry index. */
    public List<Item> tokensExpiring(Instant now, Instant until) {
        List<Item> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT t.label, t.expires_at, t.collector_id, t.account_id, a.name FROM collector_token t
                          LEFT JOIN service_account a ON a.id = t.account_id
                         WHERE t.revoked_at IS NULL AND t.expires_at > ? AND t.expires_at <= ?
                         ORDER BY t.expires_at, t.id LIMIT 50
                        """)) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long account = rs.getLong(4);
                    boolean forAccount = !rs.wasNull();
                    String owner = forAccount ? "service account " + rs.getString(5) : "collector " + rs.getString(3);
                    out.add(new Item(Kind.TOKEN_EXPIRES, rs.getObject(2, OffsetDateTime.class).toInstant(), false,
                            "Token \u201c" + rs.getString(1) + "\u201d of " + owner, rs.getString(3), forAccount ? account : null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read push tokens", e);
        }
        return out;
    }
}
