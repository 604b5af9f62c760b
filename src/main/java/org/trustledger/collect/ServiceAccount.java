package org.trustledger.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code service_account}: a non-human caller (a CI pipeline) that pushes evidence with tokens. */
@Entity
@Table(name = "service_account")
public class ServiceAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String description;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public boolean disabled;

    ServiceAccounts.Account view() {
        return new ServiceAccounts.Account(id, name, description, createdAt, createdBy, disabled);
    }
}
