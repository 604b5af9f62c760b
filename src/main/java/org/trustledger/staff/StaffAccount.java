package org.trustledger.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.trustledger.common.Role;

@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    /** The OIDC issuer of a single sign-on account; null for local accounts. */
    @Column(name = "sso_issuer")
    public String ssoIssuer;

    /** The OIDC subject of a single sign-on account, unique within its issuer; null for local accounts. */
    @Column(name = "sso_subject")
    public String ssoSubject;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] roles;

    public boolean enabled;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    @Column(name = "roles_reviewed_at")
    public Instant rolesReviewedAt;

    public static Optional<StaffAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<StaffAccount> findBySsoIdentity(String issuer, String subject) {
        return find("ssoIssuer = ?1 and ssoSubject = ?2", issuer, subject).firstResultOptional();
    }

    public static boolean enabledAdminExists() {
        Number n = (Number) getEntityManager()
                .createNativeQuery("SELECT count(*) FROM staff_account WHERE enabled AND ?1 = ANY (roles)")
                .setParameter(1, Role.ADMIN)
                .getSingleResult();
        return n.longValue() > 0;
    }

    public Set<String> roleSet() {
        return Set.copyOf(Arrays.asList(roles));
    }
}
