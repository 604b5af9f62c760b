package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;

/** A row of the consent register; {@link #view()} is the record the API and the revision history show. */
@Entity
@Table(name = "consent_purpose")
public class ConsentEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "purpose_id")
    public String purposeId;

    public String description;

    @Column(name = "legal_text_version")
    public String legalTextVersion;

    @Column(name = "collected_via", columnDefinition = "jsonb")
    @Convert(converter = JsonTextList.class)
    @ColumnTransformer(read = "CAST(collected_via AS text)", write = "CAST(? AS jsonb)")
    public List<String> collectedVia;

    @Column(name = "proof_location")
    public String proofLocation;

    @Column(name = "withdrawal_method")
    public String withdrawalMethod;

    @Column(name = "last_reviewed_at")
    public Instant lastReviewedAt;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    void describe(Consents.Input in) {
        purposeId = in.purposeId();
        description = in.description();
        legalTextVersion = in.legalTextVersion();
        collectedVia = in.collectedVia();
        proofLocation = in.proofLocation();
        withdrawalMethod = in.withdrawalMethod();
        lastReviewedAt = in.lastReviewedAt();
        status = in.status().wire();
    }

    public Consent view() {
        return new Consent(id, purposeId, description, legalTextVersion, collectedVia, proofLocation, withdrawalMethod, lastReviewedAt,
                Fields.parse(Consent.Status.class, status).orElseThrow(), createdAt, updatedAt);
    }

}
