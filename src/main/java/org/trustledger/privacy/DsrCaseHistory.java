package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.trustledger.ledger.GovernanceLog;

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

    private final GovernanceLog governance;

    public DsrCaseHistory(GovernanceLog governance) {
        this.governance = governance;
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
        DsrCaseEventEntity event = new DsrCaseEventEntity();
        event.caseId = caseId;
        event.at = at;
        event.actor = actor;
        event.kind = kind.name().toLowerCase(Locale.ROOT);
        event.fromStatus = from == null ? null : from.wire();
        event.toStatus = to.wire();
        event.note = note;
        event.persist();
        governance.record(GovernanceLog.DSR_CHANGED, actor, "dsr:" + caseId, chainDetails(kind, from, to, note));
    }
}
