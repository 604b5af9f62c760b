package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.trustledger.common.DomainException;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceLog;

/**
 * Staff accounts: creating them (the one place that hashes a password), and the changes an admin makes (roles,
 * disable/enable, password reset), each checked here and recorded as a governance event in the same transaction, so the
 * JSON API and the console pages share one set of rules.
 */
@ApplicationScoped
public class StaffAccounts {

    private final EntityManager em;
    private final PasswordHasher hasher;
    private final StaffSessions sessions;
    private final GovernanceLog governance;
    private final Validator validator;
    private final Clock clock;

    public StaffAccounts(EntityManager em, PasswordHasher hasher, StaffSessions sessions, GovernanceLog governance, Validator validator,
            Clock clock) {
        this.em = em;
        this.hasher = hasher;
        this.sessions = sessions;
        this.governance = governance;
        this.validator = validator;
        this.clock = clock;
    }

    /** An account as admins see it; {@code sso} when it signs in through the identity provider. */
    public record Account(String username, List<String> roles, boolean enabled, boolean sso, Instant createdAt, Instant lastLoginAt,
            Instant rolesReviewedAt) {

        static Account of(StaffAccount a) {
            return new Account(a.username, List.copyOf(new TreeSet<>(a.roleSet())), a.enabled, a.ssoSubject != null, a.createdAt,
                    a.lastLoginAt, a.rolesReviewedAt);
        }
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

    /**
     * An admin ({@code actor}) creates an account: the request's fields are checked (400), the password's strength (422)
     * and the name's availability (409), then the account and its governance event are written together.
     */
    @Transactional
    public Account add(String actor, NewAccountRequest request) {
        List<DomainException.Violation> invalid = new ArrayList<>();
        validator.validate(request).stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> invalid.add(new DomainException.Violation(field(v), v.getMessage())));
        if (!invalid.isEmpty()) {
            throw DomainException.invalid("The request has invalid fields.", invalid);
        }
        checkStrength(request.password());
        Set<String> roles = new TreeSet<>(request.roles());
        if (!create(request.username(), request.password(), roles)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "An account with this username already exists.",
                    List.of(new DomainException.Violation("username", "is taken")));
        }
        governance.record(GovernanceLog.STAFF_ACCOUNT_CREATED, actor, "staff:" + request.username(), Map.of("roles", List.copyOf(roles)));
        return Account.of(StaffAccount.findByUsername(request.username()).orElseThrow());
    }

    /** An admin sets the account's roles; the change counts as a review of its roles. Unchanged roles record nothing. */
    @Transactional
    public Account changeRoles(String actor, String username, List<String> roles) {
        StaffAccount a = require(username);
        if (roles == null || roles.isEmpty()) {
            throw DomainException.invalid("roles", "must name at least one role");
        }
        if (!Role.ALL.containsAll(roles)) {
            throw DomainException.invalid("roles", "must be among admin, compliance, privacy, auditor");
        }
        if (a.ssoSubject != null) {
            throw new DomainException(DomainException.Kind.CONFLICT,
                    "This account signs in through single sign-on: its roles follow its identity provider groups, so change them there.",
                    List.of(new DomainException.Violation("roles", "come from the identity provider")));
        }
        Set<String> after = new TreeSet<>(roles);
        List<String> before = List.copyOf(new TreeSet<>(a.roleSet()));
        if (after.equals(Set.copyOf(before))) {
            return Account.of(a);
        }
        if (a.enabled && before.contains(Role.ADMIN) && !after.contains(Role.ADMIN)) {
            requireAnotherAdmin(a, "remove the admin role");
        }
        a.roles = after.toArray(String[]::new);
        a.rolesReviewedAt = clock.instant();
        governance.record(GovernanceLog.STAFF_ROLES_CHANGED, actor, "staff:" + username, Map.of("before", before, "after", List.copyOf(after)));
        return Account.of(a);
    }

    /** An admin disables (ending every session of the account) or enables an account; no change records nothing. */
    @Transactional
    public Account setEnabled(String actor, String username, boolean enabled) {
        StaffAccount a = require(username);
        if (a.enabled == enabled) {
            return Account.of(a);
        }
        if (!enabled) {
            if (a.username.equals(actor)) {
                throw DomainException.conflict("You cannot disable the account you are signed in with.");
            }
            if (a.roleSet().contains(Role.ADMIN)) {
                requireAnotherAdmin(a, "disable it");
            }
            sessions.closeAll(a.id);
        }
        a.enabled = enabled;
        governance.record(GovernanceLog.STAFF_ACCOUNT_CHANGED, actor, "staff:" + username, Map.of("action", enabled ? "enabled" : "disabled"));
        return Account.of(a);
    }

    /** An admin sets a new password; every session of the account ends, so whoever knew the old one is signed out. */
    @Transactional
    public void resetPassword(String actor, String username, String password) {
        StaffAccount a = require(username);
        if (a.ssoSubject != null && a.passwordHash == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This account signs in through single sign-on and has no password here.",
                    List.of(new DomainException.Violation("password", "cannot be set for a single sign-on account")));
        }
        if (password == null || password.length() > 256) {
            throw DomainException.invalid("password", password == null ? "is required" : "must be at most 256 characters");
        }
        checkStrength(password);
        a.passwordHash = hasher.hash(password);
        sessions.closeAll(a.id);
        governance.record(GovernanceLog.STAFF_ACCOUNT_CHANGED, actor, "staff:" + username, Map.of("action", "password_reset"));
    }

    @Transactional
    public Optional<Account> find(String username) {
        return StaffAccount.findByUsername(username).map(Account::of);
    }

    /** One page of accounts by user name (the unique index), for the console. */
    @Transactional
    public List<Account> page(int offset, int limit) {
        return StaffAccount.<StaffAccount>findAll(io.quarkus.panache.common.Sort.by("username")).range(offset, offset + limit - 1).list()
                .stream().map(Account::of).toList();
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
    public List<Account> list() {
        return StaffAccount.<StaffAccount>listAll(io.quarkus.panache.common.Sort.by("username")).stream().map(Account::of).toList();
    }

    private static StaffAccount require(String username) {
        return StaffAccount.findByUsername(username).orElseThrow(() -> DomainException.notFound("No such staff account."));
    }

    private static void checkStrength(String password) {
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "The password is not acceptable.",
                    List.of(new DomainException.Violation("password", weakness)));
        }
    }

    /**
     * Refuses to leave the installation without an enabled admin. The other enabled admins are locked first, so two
     * admins demoting each other at the same moment cannot both succeed.
     */
    private void requireAnotherAdmin(StaffAccount a, String what) {
        List<?> others = em.createNativeQuery("SELECT id FROM staff_account WHERE enabled AND :admin = ANY (roles) AND id <> :id FOR UPDATE")
                .setParameter("admin", Role.ADMIN).setParameter("id", a.id).getResultList();
        if (others.isEmpty()) {
            throw DomainException.conflict("This is the only enabled admin: make another account an admin before you " + what + ".");
        }
    }

    /** The request field a violation is about: {@code roles[1].<list element>} is {@code roles}. */
    private static String field(ConstraintViolation<?> v) {
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getName() != null) {
                return n.getName();
            }
        }
        return "request";
    }
}
