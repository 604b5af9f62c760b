package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the run history. */
@ApplicationScoped
public class CollectorRuns {

    private final CollectorRegistry registry;

    public CollectorRuns(CollectorRegistry registry) {
        this.registry = registry;
    }

    /** The newest run of every loaded collector that has one. */
    @Transactional
    public Map<String, CollectorRun> latestAll() {
        return latestOf(registry.all().stream().map(CollectorDefinition::id).toList());
    }

    /**
     * The newest run of each of the given collectors that has one. Native because one LATERAL probe of
     * {@code collector_run_latest} per collector costs the same with a million runs as with ten, where DISTINCT ON
     * over the whole table would read every run; the rows map onto {@link StoredRun} by column name.
     */
    @Transactional
    public Map<String, CollectorRun> latestOf(Collection<String> collectorIds) {
        if (collectorIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<StoredRun> rows = StoredRun.getEntityManager().createNativeQuery("""
                SELECT r.* FROM unnest(CAST(:ids AS TEXT[])) AS c (id)
                CROSS JOIN LATERAL (SELECT * FROM collector_run WHERE collector_id = c.id
                                    ORDER BY collected_at DESC, id DESC LIMIT 1) r
                """, StoredRun.class).setParameter("ids", Gaps.arrayLiteral(List.copyOf(collectorIds))).getResultList();
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
        return page(collectorId, 0, limit);
    }

    /** Newest first, {@code limit} runs after skipping {@code offset}, along {@code collector_run_latest}. */
    @Transactional
    public List<CollectorRun> page(String collectorId, int offset, int limit) {
        return StoredRun.<StoredRun>find("collectorId = ?1 order by collectedAt desc, id desc", collectorId).range(offset, offset + limit - 1)
                .list().stream().map(StoredRun::view).toList();
    }

    /** One run of the collector; empty when the id belongs to no run of this collector. */
    @Transactional
    public Optional<CollectorRun> find(String collectorId, long runId) {
        return StoredRun.<StoredRun>find("id = ?1 and collectorId = ?2", runId, collectorId).firstResultOptional().map(StoredRun::view);
    }

    /** The newest run with the given origin, e.g. the latest CI push. */
    @Transactional
    public Optional<CollectorRun> latestWithOrigin(String collectorId, RunRecorder.Origin origin) {
        return StoredRun.<StoredRun>find("collectorId = ?1 and origin = ?2 order by collectedAt desc, id desc", collectorId, origin.wire())
                .firstResultOptional().map(StoredRun::view);
    }
}
