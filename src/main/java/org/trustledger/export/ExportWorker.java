package org.trustledger.export;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes queued audit packages in the background, one at a time per instance, with {@link AuditPackageWriter} (the
 * writer the API streams with) into {@link ExportJobs}. A queued job is started at once on the instance that queued it;
 * any instance may claim it, and each job is claimed exactly once. While it writes, the worker beats every few seconds
 * with its progress; a clustered sweep fails a running job whose heartbeat stopped (its instance died), hands queued
 * jobs nobody took to this instance, and drops the bytes of packages older than {@code trustledger.exports.keep-for}.
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(3);

    private final ExportJobs jobs;
    private final AuditPackageWriter writer;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration keepFor;
    /** This instance, as recorded on the jobs it claims. */
    private final String name = "instance-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("export-worker"));
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(daemon("export-heartbeat"));
    private final AtomicBoolean drainWaiting = new AtomicBoolean();
    private volatile Long current;

    public ExportWorker(ExportJobs jobs, AuditPackageWriter writer, Clock clock,
            @ConfigProperty(name = "trustledger.exports.stale-after", defaultValue = "PT1M") Duration staleAfter,
            @ConfigProperty(name = "trustledger.exports.keep-for", defaultValue = "P30D") Duration keepFor) {
        if (staleAfter.compareTo(HEARTBEAT.multipliedBy(5)) < 0) {
            throw new IllegalArgumentException("trustledger.exports.stale-after must be at least " + HEARTBEAT.multipliedBy(5).toSeconds() + "s");
        }
        this.jobs = jobs;
        this.writer = writer;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.keepFor = keepFor;
    }

    /** Queues an export for {@code actor} and starts writing it here as soon as this instance is free; returns its id. */
    public long submit(ExportPeriod period, String actor) {
        long id = jobs.enqueue(period, actor, clock.instant());
        nudge();
        return id;
    }

    /** Makes this instance take queued jobs; at most one drain waits behind the one running, so no job is missed. */
    public void nudge() {
        if (drainWaiting.compareAndSet(false, true)) {
            runner.execute(() -> {
                drainWaiting.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            for (Optional<ExportJobs.Claimed> next; (next = jobs.claim(name, clock.instant())).isPresent();) {
                run(next.get());
            }
        } catch (RuntimeException e) {
            LOG.error("Cannot claim export jobs", e);
        }
    }

    /** What the writer reports, read by the heartbeat thread. */
    private static final class Tracker implements PackageProgress {
        volatile String step = "planning";
        volatile Long total;
        volatile long done;

        @Override
        public void evidence(long written) {
            done = written;
        }

        @Override
        public void step(String name) {
            step = name;
        }
    }

    private void run(ExportJobs.Claimed job) {
        current = job.id();
        Tracker progress = new Tracker();
        ScheduledFuture<?> beat = beats.scheduleWithFixedDelay(() -> beat(job.id(), progress), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ExportPeriod p = job.period();
            AuditPackageWriter.Plan plan = writer.plan(p.framework(), p.from(), p.to());
            progress.total = plan.treeSize() - plan.firstIndex();
            beat(job.id(), progress);
            ExportSink sink = jobs.sink(job.id());
            try (sink) {
                writer.write(plan, job.requestedBy(), sink, progress);
            }
            beat.cancel(false);
            if (!jobs.finish(job.id(), name, sink.written(), progress.done, clock.instant())) {
                LOG.warnf("Export %d finished after it was given up as failed; its package was discarded", job.id());
            }
        } catch (Exception e) {
            LOG.errorf(e, "Export %d failed", job.id());
            jobs.fail(job.id(), name, "The export failed (" + e.getClass().getSimpleName() + "); the server log has the details of export "
                    + job.id() + ".", clock.instant());
        } finally {
            beat.cancel(false);
            current = null;
        }
    }

    private void beat(long id, Tracker progress) {
        try {
            jobs.progress(id, name, progress.step, progress.total, progress.done, clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Export %d: cannot record progress: %s", id, e.getMessage());
        }
    }

    @Scheduled(identity = "export-jobs-sweep", every = "${trustledger.exports.sweep-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        sweep();
    }

    /** Fails jobs whose instance stopped, expires old packages, and takes queued jobs nobody took. */
    public void sweep() {
        var now = clock.instant();
        int failed = jobs.failStale(now.minus(staleAfter), now);
        int expired = jobs.expire(now.minus(keepFor));
        if (failed + expired > 0) {
            LOG.infof("Export sweep: %d stalled job(s) failed, %d old package(s) expired", failed, expired);
        }
        if (jobs.anyQueued()) {
            nudge();
        }
    }

    /** Best effort: an export cut short by a shutdown is reported at once rather than after the stale period. */
    @PreDestroy
    void stop() {
        runner.shutdownNow();
        beats.shutdownNow();
        Long id = current;
        if (id != null) {
            try {
                jobs.fail(id, name, "The instance writing this export was shut down before it finished. Start it again.", clock.instant());
            } catch (RuntimeException e) {
                LOG.warnf("Export %d was cut short by the shutdown; the sweep will mark it failed", id);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
