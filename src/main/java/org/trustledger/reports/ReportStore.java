package org.trustledger.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.trustledger.SqlValues;

/** Keeps every rendered report with its SHA-256, so a download is the exact document that was recorded. */
@ApplicationScoped
public class ReportStore {

    public static final String SCHEDULER = "scheduler";

    private final EntityManager em;
    private final Clock clock;

    public ReportStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Stores the rendering; a scheduled rendering of a report and period that exists already is skipped (empty). */
    @Transactional
    public Optional<Report> save(ReportRenderer.Rendered r, String generatedBy) {
        byte[] sha = sha256(r.html());
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                INSERT INTO report (kind, subject, period, generated_at, generated_by, sha256, html)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (kind, subject, period) WHERE generated_by = 'scheduler' DO NOTHING
                RETURNING id
                """)
                .setParameter(1, r.kind().id()).setParameter(2, r.subject()).setParameter(3, r.period())
                .setParameter(4, Timestamp.from(clock.instant())).setParameter(5, generatedBy)
                .setParameter(6, sha).setParameter(7, r.html())
                .getResultList();
        return ids.stream().findFirst().flatMap(id -> find(((Number) id).longValue()));
    }

    @Transactional
    public Optional<Report> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(ReportStore::report);
    }

    @Transactional
    public List<Report> list(Optional<ReportKind> kind, int limit) {
        var q = kind.isPresent()
                ? em.createNativeQuery(SELECT + " WHERE kind = ?1 ORDER BY id DESC LIMIT ?2").setParameter(1, kind.get().id()).setParameter(2, limit)
                : em.createNativeQuery(SELECT + " ORDER BY id DESC LIMIT ?1").setParameter(1, limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(ReportStore::report).toList();
    }

    @Transactional
    public Optional<byte[]> html(long id) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("SELECT html FROM report WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst();
    }

    private static final String SELECT = "SELECT id, kind, subject, period, generated_at, generated_by, sha256, octet_length(html) FROM report";

    private static Report report(Object[] row) {
        return new Report(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3], SqlValues.instant(row[4]),
                (String) row[5], HexFormat.of().formatHex((byte[]) row[6]), ((Number) row[7]).intValue());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
