package org.trustledger.reports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.trustledger.tlog.Hashes;

/**
 * The repository of rendered reports. Every rendering is kept with its SHA-256, so a download is the exact
 * document that was recorded. Reads return {@link Report} metadata without the HTML, which only
 * {@link #html} loads.
 */
@ApplicationScoped
public class ReportStore implements PanacheRepositoryBase<StoredReport, Long> {

    public static final String SCHEDULER = "scheduler";

    /** The metadata columns by name, without the HTML. */
    private static final String METADATA = "select r.id as id, r.kind as kind, r.subject as subject, r.period as period,"
            + " r.generatedAt as generatedAt, r.generatedBy as generatedBy, r.sha256 as sha256,"
            + " r.size as size from StoredReport r";

    private final Clock clock;

    public ReportStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Stores the rendering; a scheduled rendering of a report and period that exists already is skipped (empty).
     * Native because only PostgreSQL's ON CONFLICT on the partial unique index makes the skip safe when several
     * instances fire the same schedule.
     */
    @Transactional
    public Optional<Report> save(ReportRenderer.Rendered r, String generatedBy) {
        List<?> ids = getEntityManager().createNativeQuery("""
                INSERT INTO report (kind, subject, period, generated_at, generated_by, sha256, html)
                VALUES (:kind, :subject, :period, :generatedAt, :generatedBy, :sha256, :html)
                ON CONFLICT (kind, subject, period) WHERE generated_by = 'scheduler' DO NOTHING
                RETURNING id
                """, Long.class)
                .setParameter("kind", r.kind().id()).setParameter("subject", r.subject()).setParameter("period", r.period())
                .setParameter("generatedAt", clock.instant()).setParameter("generatedBy", generatedBy)
                .setParameter("sha256", Hashes.sha256(r.html())).setParameter("html", r.html())
                .getResultList();
        return ids.stream().findFirst().flatMap(id -> find(((Number) id).longValue()));
    }

    @Transactional
    public Optional<Report> find(long id) {
        return metadata(" where r.id = :id", 1).setParameter("id", id).getResultStream().findFirst().map(ReportStore::report);
    }

    @Transactional
    public List<Report> list(Optional<ReportKind> kind, int limit) {
        var q = kind.isPresent()
                ? metadata(" where r.kind = :kind order by r.id desc", limit).setParameter("kind", kind.get().id())
                : metadata(" order by r.id desc", limit);
        return q.getResultStream().map(ReportStore::report).toList();
    }

    /** One page of every rendering, newest first (on the primary key), for the console's list. */
    @Transactional
    public List<Report> page(int offset, int limit) {
        return metadata(" order by r.id desc", limit).setFirstResult(offset).getResultStream().map(ReportStore::report).toList();
    }

    /** The newest rendering of a kind, e.g. the RoPA the currency check judges. */
    @Transactional
    public Optional<Report> latest(ReportKind kind) {
        return metadata(" where r.kind = :kind order by r.generatedAt desc, r.id desc", 1).setParameter("kind", kind.id())
                .getResultStream().findFirst().map(ReportStore::report);
    }

    /** The newest rendering of a kind about one subject, e.g. one vendor's TIA. */
    @Transactional
    public Optional<Report> latest(ReportKind kind, String subject) {
        return metadata(" where r.kind = :kind and r.subject = :subject order by r.generatedAt desc, r.id desc", 1)
                .setParameter("kind", kind.id()).setParameter("subject", subject)
                .getResultStream().findFirst().map(ReportStore::report);
    }

    @Transactional
    public Optional<byte[]> html(long id) {
        return findByIdOptional(id).map(r -> r.html);
    }

    private jakarta.persistence.TypedQuery<Tuple> metadata(String rest, int limit) {
        return getEntityManager().createQuery(METADATA + rest, Tuple.class).setMaxResults(limit);
    }

    private static Report report(Tuple t) {
        return new Report(t.get("id", Long.class), t.get("kind", String.class), t.get("subject", String.class), t.get("period", String.class),
                t.get("generatedAt", Instant.class), t.get("generatedBy", String.class), HexFormat.of().formatHex(t.get("sha256", byte[].class)),
                ((Number) t.get("size")).intValue());
    }
}
