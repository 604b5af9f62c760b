package org.trustledger.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The breach notification SLAs as a check: a missed deadline opens a gap at once. A scheduled
 * job calls {@link #findMissed} and reconciles the result with the open gaps whose source starts with
 * {@link MissedDeadline#SOURCE_PREFIX}: a key that appears opens a gap, a key that disappears (the
 * notification was recorded) closes it. The same missed deadline always yields the same key.
 */
@ApplicationScoped
public class BreachSlaCheck {

    private final Breaches breaches;

    public BreachSlaCheck(Breaches breaches) {
        this.breaches = breaches;
    }

    /**
     * Every required breach notification whose deadline passed before {@code now} without being recorded,
     * earliest deadline first; each has a stable {@link MissedDeadline#sourceKey()} such as
     * {@code breach:42:authority}. Runs in its own transaction when the caller has none (e.g. a Quartz job).
     */
    public List<MissedDeadline> findMissed(Instant now) {
        return breaches.overdueAsOf(now);
    }
}
