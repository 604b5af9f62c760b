package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;

/** The breach register's storage. */
@ApplicationScoped
public class BreachRepository implements PanacheRepositoryBase<BreachEntity, Long> {

    static final String NOT_FOUND = "No breach with this id.";
    private static final Sort NEWEST_FIRST = Sort.descending("awareAt", "id");

    List<BreachEntity> list(Optional<Breach.Status> status) {
        return status.isPresent() ? list("status", NEWEST_FIRST, status.get().wire()) : listAll(NEWEST_FIRST);
    }

    /** One page of the register, newest awareness first (indexes breach_status_aware and breach_aware). */
    List<BreachEntity> page(Optional<Breach.Status> status, int offset, int limit) {
        return (status.isPresent() ? find("status", NEWEST_FIRST, status.get().wire()) : findAll(NEWEST_FIRST))
                .range(offset, offset + limit - 1).list();
    }

    /** The row, locked until the transaction ends so that changes to one breach go one after the other. */
    BreachEntity lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound(NOT_FOUND));
    }

    /** Breaches that can have a missed notification at {@code now}: learnt of before it, some notification not recorded. */
    List<BreachEntity> withOpenNotificationsAwareBefore(Instant now) {
        return list("awareAt < ?1 and (controllersNotifiedAt is null or authorityNotifiedAt is null or subjectsNotifiedAt is null)", now);
    }
}
