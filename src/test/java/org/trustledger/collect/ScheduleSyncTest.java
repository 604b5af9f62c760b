package org.trustledger.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/** The stored schedule follows the collector files: a changed cron is rescheduled, a job whose file is gone is removed. */
@QuarkusTest
class ScheduleSyncTest {

    @Inject
    Scheduler quartz;
    @Inject
    CollectorScheduler scheduler;

    private void inTransaction(QuartzWork work) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                work.run();
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface QuartzWork {
        void run() throws SchedulerException;
    }

    @Test
    void syncReschedulesChangedCronsAndRemovesJobsOfDeletedFiles() throws Exception {
        JobKey ghost = JobKey.jobKey("deleted-collector", CollectorScheduler.GROUP);
        TriggerKey tCluster = TriggerKey.triggerKey("t-cluster", CollectorScheduler.GROUP);
        inTransaction(() -> {
            quartz.scheduleJob(JobBuilder.newJob(CollectorJob.class).withIdentity(ghost).build(), Set.of(TriggerBuilder.newTrigger()
                    .withIdentity("deleted-collector", CollectorScheduler.GROUP).withSchedule(CronScheduleBuilder.cronSchedule("0 0 0 1 1 ? 2098"))
                    .build()), true);
            // As if t-cluster's file had said another schedule at the previous start.
            quartz.rescheduleJob(tCluster, TriggerBuilder.newTrigger().withIdentity(tCluster).forJob("t-cluster", CollectorScheduler.GROUP)
                    .withSchedule(CronScheduleBuilder.cronSchedule("0 0 0 1 1 ? 2097")).build());
        });
        assertTrue(quartz.checkExists(ghost));
        inTransaction(scheduler::sync);
        assertFalse(quartz.checkExists(ghost), "job of a deleted collector file removed");
        assertEquals("0 0 0 1 1 ? 2099", ((CronTrigger) quartz.getTrigger(tCluster)).getCronExpression(), "cron from the file again");
        assertEquals("UTC", ((CronTrigger) quartz.getTrigger(tCluster)).getTimeZone().getID());
        assertTrue(quartz.checkExists(JobKey.jobKey(CollectorScheduler.STALENESS, CollectorScheduler.SYSTEM_GROUP)));
    }
}
