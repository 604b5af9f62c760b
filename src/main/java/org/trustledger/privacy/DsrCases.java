package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustledger.SqlValues;
import org.trustledger.web.Problem;

/** Staff work on cases: listing, status changes, the one extension, and finding a requester's cases. */
@ApplicationScoped
public class DsrCases {

    /** A case as staff see it in lists; never the email digest or the token hash. */
    public record CaseView(long id, String requestType, String jurisdiction, String status, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant updatedAt) {
    }

    public record EventView(Instant at, String actor, String kind, String fromStatus, String toStatus, String note) {
    }

    public record CaseDetail(long id, String requestType, String jurisdiction, String status, Instant receivedAt, Instant dueAt,
            Instant extendedUntil, String extensionReason, Instant updatedAt, String details, List<EventView> events) {
    }

    private static final String COLUMNS = "id, request_type, jurisdiction, status, received_at, due_at, extended_until, extension_reason, updated_at";
    /** The date that matters to staff: the extended one once there is one. */
    private static final String ORDER = " ORDER BY COALESCE(extended_until, due_at), id";

    private final EntityManager em;
    private final EmailHmac emailHmac;
    private final DsrCaseHistory history;
    private final Clock clock;

    public DsrCases(EntityManager em, EmailHmac emailHmac, DsrCaseHistory history, Clock clock) {
        this.em = em;
        this.emailHmac = emailHmac;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public List<CaseView> list(Optional<DsrStatus> status, Optional<Jurisdiction> jurisdiction) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        status.ifPresent(s -> {
            params.add(s.wire());
            where.add("status = ?" + params.size());
        });
        jurisdiction.ifPresent(j -> {
            params.add(j.name());
            where.add("jurisdiction = ?" + params.size());
        });
        String sql = "SELECT " + COLUMNS + " FROM dsr_case" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + ORDER;
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return views(q);
    }

    /** The cases whose email digest matches under any key still known, so rotation does not hide old cases. */
    @Transactional
    public List<CaseView> findByEmail(String normalisedEmail) {
        List<CaseView> found = new ArrayList<>();
        for (EmailHmac.Digest d : emailHmac.digestsWithEveryKey(normalisedEmail)) {
            found.addAll(views(em.createNativeQuery("SELECT " + COLUMNS + " FROM dsr_case WHERE email_key_id = ?1 AND email_hmac = ?2" + ORDER)
                    .setParameter(1, d.keyId()).setParameter(2, d.hmac())));
        }
        return found;
    }

    @Transactional
    public Optional<CaseDetail> get(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", details FROM dsr_case WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        CaseView v = view(r);
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("""
                SELECT at, actor, kind, from_status, to_status, note FROM dsr_case_event WHERE case_id = ?1 ORDER BY id
                """).setParameter(1, id).getResultList();
        return Optional.of(new CaseDetail(v.id(), v.requestType(), v.jurisdiction(), v.status(), v.receivedAt(), v.dueAt(),
                v.extendedUntil(), v.extensionReason(), v.updatedAt(), (String) r[9],
                events.stream().map(e -> new EventView(SqlValues.instant(e[0]), (String) e[1], (String) e[2], (String) e[3],
                        (String) e[4], (String) e[5])).toList()));
    }

    /** Moves a case on; 404 if it does not exist, 409 if the move is not allowed from where it stands. */
    @Transactional
    public CaseView transition(long id, DsrStatus to, String note, String actor) {
        Object[] row = lock(id);
        DsrStatus from = DsrStatus.parse((String) row[3]).orElseThrow();
        if (!from.canMoveTo(to)) {
            throw Problem.Exception.of(409, "A case in status " + from.wire() + " cannot move to " + to.wire() + ".");
        }
        Instant now = now();
        em.createNativeQuery("UPDATE dsr_case SET status = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, to.wire()).setParameter(3, Timestamp.from(now)).executeUpdate();
        history.record(id, now, actor, DsrCaseHistory.Kind.TRANSITION, from, to, note);
        return fetch(id);
    }

    /**
     * The one extension the law allows. It must be decided while the original deadline runs (GDPR
     * Art. 12(3) and CCPA §1798.130(a)(2)(A) both require telling the requester within that period),
     * and a closed case has nothing left to extend.
     */
    @Transactional
    public CaseView extend(long id, String reason, String actor) {
        Object[] row = lock(id);
        Jurisdiction jurisdiction = Jurisdiction.parse((String) row[2]).orElseThrow();
        DsrStatus status = DsrStatus.parse((String) row[3]).orElseThrow();
        Instant due = SqlValues.instant(row[5]);
        Instant now = now();
        if (row[6] != null) {
            throw Problem.Exception.of(409, "This case has already been extended; the law allows one extension.");
        }
        Optional<LocalDate> extended = DsrDeadlines.extendedDueDate(jurisdiction, DsrDeadlines.dateOf(due));
        if (extended.isEmpty()) {
            throw Problem.Exception.of(409, "The Swiss FADP sets no extension of the 30-day period.");
        }
        if (status.isClosed()) {
            throw Problem.Exception.of(409, "A " + status.wire() + " case cannot be extended.");
        }
        if (now.isAfter(due)) {
            throw Problem.Exception.of(409, "The original deadline has passed; an extension must be decided and told to the requester before it.");
        }
        em.createNativeQuery("UPDATE dsr_case SET extended_until = ?2, extension_reason = ?3, updated_at = ?4 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(DsrDeadlines.endOf(extended.get())))
                .setParameter(3, reason)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        history.record(id, now, actor, DsrCaseHistory.Kind.EXTENSION, status, status, reason);
        return fetch(id);
    }

    /** The case row, locked until the transaction ends so concurrent changes to one case go one after the other. */
    private Object[] lock(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM dsr_case WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw Problem.Exception.of(404, "No case with this id.");
        }
        return rows.get(0);
    }

    private CaseView fetch(long id) {
        return views(em.createNativeQuery("SELECT " + COLUMNS + " FROM dsr_case WHERE id = ?1").setParameter(1, id)).get(0);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<CaseView> views(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(DsrCases::view).toList();
    }

    private static CaseView view(Object[] r) {
        return new CaseView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], SqlValues.instant(r[4]),
                SqlValues.instant(r[5]), r[6] == null ? null : SqlValues.instant(r[6]), (String) r[7], SqlValues.instant(r[8]));
    }
}
