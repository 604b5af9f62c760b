package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What happened to a case: its receipt, a status change or the extension. A null actor is the data subject. */
@Entity
@Table(name = "dsr_case_event")
public class DsrCaseEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public long caseId;

    public Instant at;

    public String actor;

    public String kind;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public String note;

    DsrCases.EventView view() {
        return new DsrCases.EventView(at, actor, kind, fromStatus, toStatus, note);
    }
}
