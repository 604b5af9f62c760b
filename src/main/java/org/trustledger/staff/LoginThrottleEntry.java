package org.trustledger.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code login_throttle}: the failed-login counter of one account name or client IP. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntry extends PanacheEntityBase {

    @Id
    public String subject;

    public int failures;

    @Column(name = "first_failed")
    public Instant firstFailed;

    @Column(name = "locked_until")
    public Instant lockedUntil;
}
