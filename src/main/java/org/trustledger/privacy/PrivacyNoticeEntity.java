package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A privacy-notice version as stored; {@link #view()} is the record the API and the revision history show. */
@Entity
@Table(name = "privacy_notice")
public class PrivacyNoticeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String audience;

    @Column(name = "version_label")
    public String versionLabel;

    public String url;

    @Column(name = "published_at")
    public Instant publishedAt;

    public String sha256;

    /** The published text, when it was given; up to 500,000 characters, so read only when asked for. */
    @Basic(fetch = FetchType.LAZY)
    public String text;

    @Column(name = "review_interval_days")
    public int reviewIntervalDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "retraction_reason")
    public String retractionReason;

    public PrivacyNotice view() {
        return new PrivacyNotice(id, Fields.parse(PrivacyNotice.Audience.class, audience).orElseThrow(), versionLabel, url, publishedAt,
                sha256, reviewIntervalDays, createdAt, retractedAt, retractionReason);
    }
}
