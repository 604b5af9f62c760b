package org.trustledger.collect;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of every collector; the job key's name is the collector id. With the JDBC store
 * Quartz instantiates job classes itself (quarkus-quartz falls back to the no-arg constructor for
 * classes that are not beans), so this class stays thin and looks the runner up in the container.
 * Concurrent execution is disallowed cluster-wide: a slow run is never overlapped by the next one.
 */
@DisallowConcurrentExecution
@RegisterForReflection
public class CollectorJob implements Job {

    @Override
    public void execute(JobExecutionContext context) {
        Arc.container().instance(CollectorRunner.class).get().runScheduled(context.getJobDetail().getKey().getName());
    }
}
