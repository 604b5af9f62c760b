package org.trustledger.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code gap_event}: who opened, assigned or closed a gap, and when. */
@Entity
@Table(name = "gap_event")
public class GapEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "gap_id")
    public long gapId;

    public Instant at;

    public String actor;

    public String action;

    public String detail;

    Gap.Event view() {
        return new Gap.Event(id, at, actor, action, detail);
    }
}
