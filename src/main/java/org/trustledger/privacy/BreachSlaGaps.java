package org.trustledger.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.trustledger.collect.Gaps;
import org.trustledger.collect.Severity;

/**
 * A missed notification deadline opens a gap at once, since a late notification is a compliance failure
 * that cannot wait for the next scheduled collector run. Every minute, on the clustered scheduler (so one
 * instance runs each firing), reconciles {@link BreachSlaCheck#findMissed} with the open gaps whose source
 * starts with {@code breach:}: a newly missed deadline opens a high-severity gap tagged with its article, and
 * a gap whose notification has since been recorded is closed.
 */
@ApplicationScoped
public class BreachSlaGaps {

    private static final Logger LOG = Logger.getLogger(BreachSlaGaps.class);
    public static final String RESOLUTION = "notification recorded";

    /** What one reconciliation did: sources of the gaps opened and closed. */
    public record Outcome(List<String> opened, List<String> closed, List<String> stillOpen) {
    }

    private final BreachSlaCheck check;
    private final Gaps gaps;
    private final Clock clock;

    public BreachSlaGaps(BreachSlaCheck check, Gaps gaps, Clock clock) {
        this.check = check;
        this.gaps = gaps;
        this.clock = clock;
    }

    @Scheduled(identity = "breach-sla-gaps", every = "${trustledger.breach-sla.gap-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        reconcile(clock.instant());
    }

    /** Opens and closes breach SLA gaps as of {@code now}. */
    public Outcome reconcile(Instant now) {
        Map<String, MissedDeadline> missed = new LinkedHashMap<>();
        for (MissedDeadline m : check.findMissed(now)) {
            missed.put(m.sourceKey(), m);
        }
        List<String> open = gaps.openSourcesStartingWith(MissedDeadline.SOURCE_PREFIX);
        List<String> opened = new ArrayList<>();
        List<String> stillOpen = new ArrayList<>();
        for (MissedDeadline m : missed.values()) {
            if (open.contains(m.sourceKey())) {
                stillOpen.add(m.sourceKey());
                continue;
            }
            gaps.open(m.sourceKey(), List.of(m.controlId()), Severity.HIGH, m.summary());
            opened.add(m.sourceKey());
        }
        List<String> closed = new ArrayList<>();
        for (String source : open) {
            if (!missed.containsKey(source) && gaps.closeBySource(source, RESOLUTION).isPresent()) {
                closed.add(source);
            }
        }
        if (!opened.isEmpty() || !closed.isEmpty()) {
            LOG.infof("Breach SLA gaps: opened %s, closed %s", opened, closed);
        }
        return new Outcome(opened, closed, stillOpen);
    }
}
