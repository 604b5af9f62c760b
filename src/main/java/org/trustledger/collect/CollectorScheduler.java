package org.trustledger.collect;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Keeps the clustered Quartz store in line with the collector files: on start, one job and cron trigger
 * per collector (rescheduled when its cron changed), jobs of deleted collector files removed, plus the
 * staleness sweep. Quartz's cluster locks make each firing run on exactly one instance.
 */
@ApplicationScoped
@Unremovable
public class CollectorScheduler {

    private static final Logger LOG = Logger.getLogger(CollectorScheduler.class);
    public static final String GROUP = "trustledger-collectors";
    public static final String SYSTEM_GROUP = "trustledger-system";
    public static final String STALENESS = "staleness-sweep";

    private final Scheduler scheduler;
    private final CollectorRegistry registry;
    private final CollectorRuns runs;
    private final Gaps gaps;
    private final CollectorsConfig config;

    public CollectorScheduler(Scheduler scheduler, CollectorRegistry registry, CollectorRuns runs, Gaps gaps, CollectorsConfig config) {
        this.scheduler = scheduler;
        this.registry = registry;
        this.runs = runs;
        this.gaps = gaps;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        // JobStoreCMT expects callers to bring a transaction; one transaction keeps the sync atomic.
        QuarkusTransaction.requiringNew().run(this::sync);
    }

    void sync() {
        try {
            Set<String> wanted = new HashSet<>();
            Set<String> everRun = runs.latestAll().keySet();
            int changed = 0;
            int firstRuns = 0;
            for (CollectorDefinition d : registry.all()) {
                wanted.add(d.id());
                JobKey key = JobKey.jobKey(d.id(), GROUP);
                if (ensure(key, d.schedule(), CollectorJob.class, d.description())) {
                    changed++;
                    // A collector that has never run gets its first evidence now rather than at its next cron slot,
                    // so a fresh installation shows its real state within minutes. Only the instance that created
                    // the trigger gets here, so the run happens once.
                    if (config.runNewOnStart() && !everRun.contains(d.id())) {
                        scheduler.triggerJob(key);
                        firstRuns++;
                    }
                }
            }
            int removed = 0;
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(key.getName())) {
                    scheduler.deleteJob(key);
                    removed++;
                }
            }
            ensure(JobKey.jobKey(STALENESS, SYSTEM_GROUP), config.stalenessSchedule(), StalenessJob.class, "Open gaps for stale evidence");
            LOG.infof("Collector schedule: %d collectors, %d (re)scheduled, %d removed, %d first runs queued", wanted.size(), changed, removed,
                    firstRuns);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot synchronise the collector schedule", e);
        }
    }

    /** Schedules the job unless an identical cron trigger is already stored; true when something changed. */
    private boolean ensure(JobKey key, String cron, Class<? extends Job> jobClass, String description) throws SchedulerException {
        TriggerKey tk = TriggerKey.triggerKey(key.getName(), key.getGroup());
        Trigger existing = scheduler.getTrigger(tk);
        JobDetail existingJob = scheduler.getJobDetail(key);
        if (existing instanceof CronTrigger ct && cron.equals(ct.getCronExpression())
                && DefinitionLoader.ZONE.getID().equals(ct.getTimeZone().getID())
                && existingJob != null && existingJob.getJobClass().equals(jobClass)) {
            return false;
        }
        JobDetail job = JobBuilder.newJob(jobClass).withIdentity(key).withDescription(truncate(description)).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(tk).forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(DefinitionLoader.ZONE)
                        // After downtime, run once now rather than every missed slot.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
        return true;
    }

    private static String truncate(String s) {
        return s.length() <= 240 ? s : s.substring(0, 239) + "…";
    }

    /** When the collector's trigger fires next, if it is scheduled. */
    public Optional<Date> nextFireTime(String collectorId) {
        try {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(collectorId, GROUP));
            return Optional.ofNullable(t == null ? null : t.getNextFireTime());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    public List<String> sweepStaleEvidence() {
        List<String> opened = gaps.openForStaleEvidence(registry.all(), runs.latestAll());
        if (!opened.isEmpty()) {
            LOG.infof("Stale evidence: opened gaps for %s", opened);
        }
        return opened;
    }
}
