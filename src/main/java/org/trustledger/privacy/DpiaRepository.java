package org.trustledger.privacy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.trustledger.common.DomainException;

/** The DPIA register's storage. */
@ApplicationScoped
public class DpiaRepository implements PanacheRepositoryBase<DpiaEntity, Long> {

    static final String NOT_FOUND = "No DPIA with this id.";
    private static final Sort BY_ACTIVITY = Sort.by("processingActivityId", "id");

    List<DpiaEntity> list(Optional<String> activity) {
        return activity.isPresent() ? list("processingActivityId", BY_ACTIVITY, activity.get()) : listAll(BY_ACTIVITY);
    }

    /**
     * One page in list order (index dpia_activity_order). The status is the effective one, as {@link DpiaEntity#view}
     * derives it: an approved DPIA whose review date has come is due for review.
     */
    List<DpiaEntity> page(Optional<Dpia.Status> status, LocalDate today, int offset, int limit) {
        if (status.isEmpty()) {
            return findAll(BY_ACTIVITY).range(offset, offset + limit - 1).list();
        }
        String where = switch (status.get()) {
            case DRAFT -> "status = 'draft'";
            case APPROVED -> "status = 'approved' and nextReview > ?1";
            case REVIEW_DUE -> "(status = 'review_due' or (status = 'approved' and nextReview <= ?1))";
        };
        return (status.get() == Dpia.Status.DRAFT ? find(where, BY_ACTIVITY) : find(where, BY_ACTIVITY, today))
                .range(offset, offset + limit - 1).list();
    }

    DpiaEntity lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound(NOT_FOUND));
    }

    /** The processing activities whose screening found a DPIA required, in id order. */
    @Transactional
    public List<String> activitiesRequiringDpia() {
        return getEntityManager().createQuery("select distinct d.processingActivityId from DpiaEntity d where d.outcome = 'required'"
                + " order by d.processingActivityId", String.class).getResultList();
    }

    /** The activity's approved (or once approved, now due) DPIA with the latest review date, as stored. */
    @Transactional
    public Optional<LatestApproval> latestApproval(String activity) {
        return find("processingActivityId = ?1 and status in ('approved', 'review_due') order by nextReview desc nulls last, id desc",
                activity).firstResultOptional().map(d -> new LatestApproval(d.id, d.status, d.nextReview));
    }

    /** What the DPIA-register check needs of an activity's latest approval: the stored status, not the effective one. */
    public record LatestApproval(long dpiaId, String storedStatus, java.time.LocalDate nextReview) {
    }
}
