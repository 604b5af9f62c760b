package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Creating staff accounts; the one place that hashes a new password. */
@ApplicationScoped
public class StaffAccounts {

    private final EntityManager em;
    private final PasswordHasher hasher;
    private final Clock clock;

    public StaffAccounts(EntityManager em, PasswordHasher hasher, Clock clock) {
        this.em = em;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates the account unless the name is taken; returns false when it was. */
    @Transactional
    public boolean create(String username, String password, Set<String> roles) {
        int inserted = em.createNativeQuery("""
                INSERT INTO staff_account (username, password_hash, roles, roles_reviewed_at)
                VALUES (?1, ?2, CAST(?3 AS TEXT[]), ?4) ON CONFLICT (username) DO NOTHING
                """)
                .setParameter(1, username)
                .setParameter(2, hasher.hash(password))
                .setParameter(3, "{" + String.join(",", new TreeSet<>(roles)) + "}")
                .setParameter(4, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
        return inserted == 1;
    }

    @Transactional
    public List<StaffAccount> list() {
        return StaffAccount.listAll(io.quarkus.panache.common.Sort.by("username"));
    }
}
