package org.trustledger.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code gap}, the nonconformity register; {@link Gap} is what the API shows of it. */
@Entity
@Table(name = "gap")
public class GapEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String source;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] controls;

    public String severity;

    public String status;

    public String reason;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by_run")
    public Long openedByRun;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    public String assignee;

    public String resolution;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_by_run")
    public Long closedByRun;

    Gap view() {
        return new Gap(id, source, List.of(controls), Severity.parse(severity).orElseThrow(), status, reason, openedAt, openedByRun, lastSeenAt,
                assignee, resolution, closedAt, closedBy, closedByRun);
    }
}
