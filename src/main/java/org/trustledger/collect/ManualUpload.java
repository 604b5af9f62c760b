package org.trustledger.collect;

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
import org.trustledger.tlog.Codec;

/** A row of {@code manual_upload}: an evidence file uploaded by staff, with its SHA-256 and expiry. */
@Entity
@Table(name = "manual_upload")
public class ManualUpload extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "collector_id")
    public String collectorId;

    public String filename;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public int sizeBytes;

    public byte[] sha256;

    /** Loaded only when the file itself is downloaded, not with every listing. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public String note;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "expires_at")
    public Instant expiresAt;

    ManualUploads.Upload view() {
        return new ManualUploads.Upload(id, collectorId, filename, mediaType, sizeBytes, Codec.toHex(sha256), note, uploadedAt, uploadedBy,
                expiresAt);
    }
}
