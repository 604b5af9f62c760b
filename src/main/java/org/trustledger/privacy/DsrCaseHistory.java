package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.trustledger.ledger.GovernanceLog;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Where staff's case events are written, each with its governance event. It joins the caller's transaction, so an
 * event exists exactly when its change does. The receipt event of a public submission is the exception: the
 * intake writes it, and queues its governance event, in its own single statement ({@link DsrIntake}).
 */
@ApplicationScoped
public class DsrCaseHistory {

    public enum Kind {
        RECEIVED, TRANSITION, EXTENSION
    }

    private final EntityManager em;
    private final GovernanceLog governance;

    public DsrCaseHistory(EntityManager em, GovernanceLog governance) {
        this.governance = governance;
        this.em = em;
    }

    /** What the governance chain learns of a case event: the state change only, as notes and details can hold personal data. */
    static Map<String, Object> chainDetails(Kind kind, DsrStatus from, DsrStatus to, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name().toLowerCase(Locale.ROOT));
        details.put("from", from == null ? null : from.wire());
        details.put("to", to.wire());
        details.put("with_note", note != null && !note.isBlank());
        return details;
    }

    /** {@code actor} is the staff member's username. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long caseId, Instant at, String actor, Kind kind, DsrStatus from, DsrStatus to, String note) {
        em.createNativeQuery("""
                INSERT INTO dsr_case_event (case_id, at, actor, kind, from_status, to_status, note)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """)
                .setParameter(1, caseId)
                .setParameter(2, Timestamp.from(at))
                .setParameter(3, actor)
                .setParameter(4, kind.name().toLowerCase(Locale.ROOT))
                .setParameter(5, from == null ? null : from.wire())
                .setParameter(6, to.wire())
                .setParameter(7, note)
                .executeUpdate();
        governance.record(GovernanceLog.DSR_CHANGED, actor, "dsr:" + caseId, chainDetails(kind, from, to, note));
    }
}
