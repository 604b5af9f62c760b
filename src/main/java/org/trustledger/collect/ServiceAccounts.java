package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Non-human accounts (CI pipelines) that push evidence with tokens from {@link ServiceTokens}. */
@ApplicationScoped
public class ServiceAccounts {

    private final Clock clock;

    public ServiceAccounts(Clock clock) {
        this.clock = clock;
    }

    public record Account(long id, String name, String description, Instant createdAt, String createdBy, boolean disabled) {
    }

    /**
     * Creates the account; empty if the name is taken. Native because ON CONFLICT is the only way to learn that
     * without a failed insert aborting the caller's transaction.
     */
    @Transactional
    public Optional<Account> create(String name, String description, String createdBy) {
        List<?> ids = ServiceAccount.getEntityManager().createNativeQuery("""
                INSERT INTO service_account (name, description, created_at, created_by) VALUES (:name, :description, :createdAt, :createdBy)
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, Long.class)
                .setParameter("name", name)
                .setParameter("description", description)
                .setParameter("createdAt", clock.instant())
                .setParameter("createdBy", createdBy)
                .getResultList();
        return ids.stream().findFirst().flatMap(id -> find(((Number) id).longValue()));
    }

    @Transactional
    public List<Account> list() {
        return ServiceAccount.<ServiceAccount>list("order by name").stream().map(ServiceAccount::view).toList();
    }

    @Transactional
    public Optional<Account> find(long id) {
        return ServiceAccount.<ServiceAccount>findByIdOptional(id).map(ServiceAccount::view);
    }

    /** Disables or re-enables the account; a disabled account's tokens are refused. */
    @Transactional
    public Optional<Account> setDisabled(long id, boolean disabled) {
        return ServiceAccount.<ServiceAccount>findByIdOptional(id).map(a -> {
            a.disabled = disabled;
            return a.view();
        });
    }
}
