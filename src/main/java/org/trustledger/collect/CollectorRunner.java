package org.trustledger.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs one collector under its time limit. The collector works on a thread of its own while the caller
 * waits at most {@code timeout}; a collector that throws or hangs becomes an {@code error} run and the
 * caller (a Quartz worker or an HTTP request) moves on, so one bad check never holds up the others.
 */
@ApplicationScoped
@Unremovable
public class CollectorRunner {

    private static final Logger LOG = Logger.getLogger(CollectorRunner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CollectorRegistry registry;
    private final RunRecorder recorder;
    private final Clock clock;
    // Unbounded on purpose: a hung collector ignoring interrupts keeps its thread, and must not starve the rest.
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "collector-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public CollectorRunner(CollectorRegistry registry, RunRecorder recorder, Clock clock) {
        this.registry = registry;
        this.recorder = recorder;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** Entry point of the Quartz job. A job whose collector file is gone on this instance does nothing. */
    public void runScheduled(String collectorId) {
        registry.find(collectorId).ifPresentOrElse(d -> run(d, RunRecorder.Origin.SCHEDULE, null),
                () -> LOG.warnf("Scheduled run of unknown collector '%s' skipped (its definition is not loaded on this instance)",
                        collectorId));
    }

    public CollectorRun run(CollectorDefinition d, RunRecorder.Origin origin, String triggeredBy) {
        Instant started = clock.instant();
        Instant deadline = started.plus(d.timeout());
        CollectorType type = registry.type(d);
        RunContext context = new RunContext(clock, started, deadline);
        CollectorResult result;
        Future<CollectorResult> future = workers.submit(() -> type.collect(d, context));
        try {
            result = future.get(d.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                result = CollectorResult.error("collector type " + d.type() + " returned no result");
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            ObjectNode p = CollectorResult.object();
            p.put("timeout", d.timeout().toString());
            result = CollectorResult.error("timed out after " + d.timeout() + "; the run was abandoned", p);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ObjectNode p = CollectorResult.object();
            p.put("exception", cause.getClass().getName());
            p.put("message", String.valueOf(cause.getMessage()));
            result = CollectorResult.error(d.type() + " check failed with " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), p);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            result = CollectorResult.error("interrupted before the check finished (instance shutting down)");
        }
        CollectorRun run = recorder.record(d, result, origin, triggeredBy, started, clock.instant());
        if (run.status() != RunStatus.PASS) {
            LOG.infof("Collector %s run %d: %s", d.id(), run.id(), run.status().wire());
        }
        return run;
    }
}
