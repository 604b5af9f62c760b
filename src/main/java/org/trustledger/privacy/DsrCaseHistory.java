package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trustledger.ledger.GovernanceLog;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The one place a case event is written. It joins the caller's transaction, so an event exists exactly
 * when its change does. When the governance event chain (DESIGN §5) arrives, it is appended from here.
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

    /** {@code actor} is the staff username, or null for the data subject's own submission. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long caseId, Instant at, String actor, Kind kind, DsrStatus from, DsrStatus to, String note) {
        em.createNativeQuery("""
                INSERT INTO dsr_case_event (case_id, at, actor, kind, from_status, to_status, note)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """)
                .setParameter(1, caseId)
                .setParameter(2, Timestamp.from(at))
                .setParameter(3, actor)
                .setParameter(4, kind.name().toLowerCase(java.util.Locale.ROOT))
                .setParameter(5, from == null ? null : from.wire())
                .setParameter(6, to.wire())
                .setParameter(7, note)
                .executeUpdate();
        // The chain gets the state change only: notes and details can hold personal data.
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        details.put("from", from == null ? null : from.wire());
        details.put("to", to.wire());
        details.put("with_note", note != null && !note.isBlank());
        if (actor == null) {
            // Public intake: queued, so requests do not queue behind one another on the chain's head lock.
            governance.recordLater(GovernanceLog.DSR_CHANGED, "data-subject", "dsr:" + caseId, details);
        } else {
            governance.record(GovernanceLog.DSR_CHANGED, actor, "dsr:" + caseId, details);
        }
    }
}
