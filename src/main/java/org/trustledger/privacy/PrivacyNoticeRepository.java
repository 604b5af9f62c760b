package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;

/** Privacy-notice versions' storage. */
@ApplicationScoped
public class PrivacyNoticeRepository implements PanacheRepositoryBase<PrivacyNoticeEntity, Long> {

    static final String NOT_FOUND = "No privacy-notice version with this id.";
    /** Live versions published by a given instant; the newest of an audience is its notice in force. */
    private static final String IN_FORCE = "retractedAt is null and publishedAt <= ?1";

    List<PrivacyNoticeEntity> list(Optional<PrivacyNotice.Audience> audience) {
        Sort order = Sort.by("audience").and("publishedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        return audience.isPresent() ? list("audience", order, audience.get().wire()) : listAll(order);
    }

    /** One page in list order (index privacy_notice_order). */
    List<PrivacyNoticeEntity> page(Optional<PrivacyNotice.Audience> audience, int offset, int limit) {
        Sort order = Sort.by("audience").and("publishedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        return (audience.isPresent() ? find("audience", order, audience.get().wire()) : findAll(order)).range(offset, offset + limit - 1).list();
    }

    /** The version in force for each audience that has one at {@code now}, in audience order. */
    List<PrivacyNoticeEntity> inForce(Instant now) {
        return list("from PrivacyNoticeEntity n where n.retractedAt is null and n.publishedAt <= ?1"
                + " and n.publishedAt = (select max(m.publishedAt) from PrivacyNoticeEntity m"
                + " where m.audience = n.audience and m.retractedAt is null and m.publishedAt <= ?1) order by n.audience", now);
    }

    /** The version of {@code audience} in force at {@code now}: the latest live one published by then. */
    @Transactional
    public Optional<PrivacyNotice> inForce(String audience, Instant now) {
        return find("audience = ?2 and " + IN_FORCE + " order by publishedAt desc, id desc", now, audience).firstResultOptional()
                .map(PrivacyNoticeEntity::view);
    }

    PrivacyNoticeEntity lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound(NOT_FOUND));
    }

    boolean labelTaken(PrivacyNotice.Audience audience, String versionLabel) {
        return count("audience = ?1 and versionLabel = ?2", audience.wire(), versionLabel) > 0;
    }

    boolean instantTaken(PrivacyNotice.Audience audience, Instant publishedAt) {
        return count("audience = ?1 and publishedAt = ?2 and retractedAt is null", audience.wire(), publishedAt) > 0;
    }
}
