package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One version of a register row. {@code changes} and {@code snapshot} are jsonb holding JSON text written by
 * {@link RegisterHistory}; they are mapped as text cast on the way in, so the one JSON configuration of the
 * application (the REST ObjectMapper) decides their form and Hibernate needs no JSON mapper of its own.
 */
@Entity
@Table(name = "register_revision")
public class RegisterRevisionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String register;

    @Column(name = "record_id")
    public long recordId;

    public int revision;

    public Instant at;

    public String actor;

    public String action;

    public String note;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(changes AS text)", write = "CAST(? AS jsonb)")
    public String changes;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(snapshot AS text)", write = "CAST(? AS jsonb)")
    public String snapshot;
}
