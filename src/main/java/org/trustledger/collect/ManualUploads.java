package org.trustledger.collect;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trustledger.tlog.Hashes;

/** Evidence files uploaded by staff for {@code manual} collectors, kept in PostgreSQL with their SHA-256 and expiry. */
@ApplicationScoped
public class ManualUploads {

    private final Clock clock;

    public ManualUploads(Clock clock) {
        this.clock = clock;
    }

    public record Upload(long id, String collectorId, String filename, String mediaType, int sizeBytes, String sha256, String note,
            Instant uploadedAt, String uploadedBy, Instant expiresAt) {
    }

    @Transactional
    public Upload store(String collectorId, String filename, String mediaType, byte[] content, String note, Instant expiresAt,
            String uploadedBy) {
        ManualUpload u = new ManualUpload();
        u.collectorId = collectorId;
        u.filename = filename;
        u.mediaType = mediaType;
        u.sizeBytes = content.length;
        u.sha256 = Hashes.sha256(content);
        u.content = content;
        u.note = note;
        u.uploadedAt = clock.instant();
        u.uploadedBy = uploadedBy;
        u.expiresAt = expiresAt;
        u.persistAndFlush();
        return u.view();
    }

    /** Newest first. */
    @Transactional
    public List<Upload> list(String collectorId, int limit) {
        return ManualUpload.<ManualUpload>find("collectorId = ?1 order by uploadedAt desc, id desc", collectorId)
                .page(Page.ofSize(limit)).list().stream().map(ManualUpload::view).toList();
    }

    /** The upload that stays valid longest among those not yet expired at {@code now}. */
    @Transactional
    public Optional<Upload> current(String collectorId, Instant now) {
        return ManualUpload.<ManualUpload>find("collectorId = ?1 and expiresAt > ?2 order by expiresAt desc, id desc", collectorId, now)
                .firstResultOptional().map(ManualUpload::view);
    }

    @Transactional
    public Optional<Upload> latest(String collectorId) {
        return list(collectorId, 1).stream().findFirst();
    }

    @Transactional
    public Optional<byte[]> content(String collectorId, long id) {
        return ManualUpload.<ManualUpload>find("collectorId = ?1 and id = ?2", collectorId, id).firstResultOptional().map(u -> u.content);
    }
}
