package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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

    /**
     * Creates the account unless the name is taken; returns false when it was. Native because ON CONFLICT is
     * the only way to learn that without a failed insert aborting the caller's transaction.
     */
    @Transactional
    public boolean create(String username, String password, Set<String> roles) {
        int inserted = em.createNativeQuery("""
                INSERT INTO staff_account (username, password_hash, roles, roles_reviewed_at)
                VALUES (:username, :passwordHash, CAST(:roles AS TEXT[]), :reviewedAt) ON CONFLICT (username) DO NOTHING
                """)
                .setParameter("username", username)
                .setParameter("passwordHash", hasher.hash(password))
                .setParameter("roles", "{" + String.join(",", new TreeSet<>(roles)) + "}")
                .setParameter("reviewedAt", clock.instant())
                .executeUpdate();
        return inserted == 1;
    }

    /** An enabled account and when it was last active (signed in, or else created). */
    public record LastActive(String username, Instant at) {
    }

    /** An enabled account and when its roles were last reviewed. */
    public record RolesReviewed(String username, Instant at) {
    }

    @Transactional
    public boolean isEnabled(String username) {
        return StaffAccount.findByUsername(username).map(a -> a.enabled).orElse(false);
    }

    @Transactional
    public long enabledCount() {
        return StaffAccount.count("enabled = true");
    }

    /** Enabled accounts not active since {@code since}, by user name. */
    @Transactional
    public List<LastActive> inactiveSince(Instant since) {
        return StaffAccount.<StaffAccount>list("enabled = true and coalesce(lastLoginAt, createdAt) < ?1 order by username", since)
                .stream().map(a -> new LastActive(a.username, a.lastLoginAt != null ? a.lastLoginAt : a.createdAt)).toList();
    }

    /** Enabled accounts whose roles were not reviewed since {@code since}, by user name. */
    @Transactional
    public List<RolesReviewed> rolesNotReviewedSince(Instant since) {
        return StaffAccount.<StaffAccount>list("enabled = true and rolesReviewedAt < ?1 order by username", since)
                .stream().map(a -> new RolesReviewed(a.username, a.rolesReviewedAt)).toList();
    }

    @Transactional
    public List<StaffAccount> list() {
        return StaffAccount.listAll(io.quarkus.panache.common.Sort.by("username"));
    }
}
