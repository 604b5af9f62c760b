package org.trustledger.collect;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the run history. */
@ApplicationScoped
public class CollectorRuns {

    /**
     * The newest run of every collector that has one. Native because DISTINCT ON picks it in one index scan;
     * the rows map onto {@link StoredRun} by column name.
     */
    @Transactional
    public Map<String, CollectorRun> latestAll() {
        @SuppressWarnings("unchecked")
        List<StoredRun> rows = StoredRun.getEntityManager().createNativeQuery("""
                SELECT DISTINCT ON (collector_id) * FROM collector_run ORDER BY collector_id, collected_at DESC, id DESC
                """, StoredRun.class).getResultList();
        Map<String, CollectorRun> out = new HashMap<>();
        for (StoredRun r : rows) {
            out.put(r.collectorId, r.view());
        }
        return out;
    }

    @Transactional
    public Optional<CollectorRun> latest(String collectorId) {
        return history(collectorId, 1).stream().findFirst();
    }

    /** Newest first. */
    @Transactional
    public List<CollectorRun> history(String collectorId, int limit) {
        return StoredRun.<StoredRun>find("collectorId = ?1 order by collectedAt desc, id desc", collectorId).page(Page.ofSize(limit)).list()
                .stream().map(StoredRun::view).toList();
    }

    /** The newest run with the given origin, e.g. the latest CI push. */
    @Transactional
    public Optional<CollectorRun> latestWithOrigin(String collectorId, RunRecorder.Origin origin) {
        return StoredRun.<StoredRun>find("collectorId = ?1 and origin = ?2 order by collectedAt desc, id desc", collectorId, origin.wire())
                .firstResultOptional().map(StoredRun::view);
    }
}
