package org.trustledger.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code collector_token}: a bearer token of a service account ({@code accountId} set) or a
 * per-collector token ({@code collectorId} set). Only the SHA-256 of the secret is kept.
 */
@Entity
@Table(name = "collector_token")
public class ServiceToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "collector_id")
    public String collectorId;

    @Column(name = "account_id")
    public Long accountId;

    public String label;

    @Column(name = "token_sha256")
    public byte[] tokenSha256;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** Revoking twice keeps the first revocation. */
    void revoke(Instant at, String by) {
        if (revokedAt == null) {
            revokedAt = at;
        }
        if (revokedBy == null) {
            revokedBy = by;
        }
    }
}
