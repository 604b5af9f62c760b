package org.trustledger.collect;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Clustered sweep that opens gaps for evidence past its freshness (see {@link Gaps#openForStaleEvidence}). */
@DisallowConcurrentExecution
@RegisterForReflection
public class StalenessJob implements Job {

    @Override
    public void execute(JobExecutionContext context) {
        Arc.container().instance(CollectorScheduler.class).get().sweepStaleEvidence();
    }
}
