package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A data-subject request case as stored. The requester's email is kept only as an HMAC (with the id of its
 * key) and the status token only as its SHA-256; neither ever leaves this class's repository.
 */
@Entity
@Table(name = "dsr_case")
public class DsrCaseEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_sha256")
    public byte[] tokenSha256;

    @Column(name = "email_hmac")
    public byte[] emailHmac;

    @Column(name = "email_key_id")
    public String emailKeyId;

    @Column(name = "request_type")
    public String requestType;

    public String jurisdiction;

    public String details;

    public String status;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** End (23:59:59 UTC) of the last day the law allows. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "extended_until")
    public Instant extendedUntil;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The deadline that holds: the extended one once there is one. */
    public Instant effectiveDueAt() {
        return extendedUntil != null ? extendedUntil : dueAt;
    }

    DsrCases.CaseView view() {
        return new DsrCases.CaseView(id, requestType, jurisdiction, status, receivedAt, dueAt, extendedUntil, extensionReason, updatedAt);
    }
}
