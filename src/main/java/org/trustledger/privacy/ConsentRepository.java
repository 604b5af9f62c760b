package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustledger.common.DomainException;

/** The consent register's storage. */
@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentEntity, Long> {

    static final String NOT_FOUND = "No consent record with this id.";

    List<ConsentEntity> list(Optional<Consent.Status> status, Optional<String> purposeId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(s -> {
            where.add("status = :status");
            params.put("status", s.wire());
        });
        purposeId.ifPresent(p -> {
            where.add("purposeId = :purpose");
            params.put("purpose", p);
        });
        Sort order = Sort.by("purposeId", "createdAt", "id");
        return where.isEmpty() ? listAll(order) : list(String.join(" and ", where), order, params);
    }

    /** One page in list order (index consent_purpose_order). */
    List<ConsentEntity> page(Optional<Consent.Status> status, int offset, int limit) {
        Sort order = Sort.by("purposeId", "createdAt", "id");
        return (status.isPresent() ? find("status", order, status.get().wire()) : findAll(order)).range(offset, offset + limit - 1).list();
    }

    ConsentEntity lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound(NOT_FOUND));
    }

    /** Whether another record than {@code exceptId} has this purpose and legal-text version. */
    boolean versionTaken(String purposeId, String legalTextVersion, long exceptId) {
        return count("purposeId = ?1 and legalTextVersion = ?2 and id <> ?3", purposeId, legalTextVersion, exceptId) > 0;
    }

    /** The active purposes, by purpose id: what the consent-register check judges. */
    @Transactional
    public List<Consent> active() {
        return list("status", Sort.by("purposeId", "id"), Consent.Status.ACTIVE.wire()).stream().map(ConsentEntity::view).toList();
    }
}
