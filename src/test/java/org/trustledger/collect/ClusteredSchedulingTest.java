package org.trustledger.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.utils.ConnectionProvider;

/**
 * Two clustered Quartz schedulers on one database: the application's own (JobStoreCMT) and a second
 * one built here with a JobStoreTX over its own JDBC connections, with the same scheduler name, as a
 * second instance would have. A trigger that fires N times must produce exactly N runs in total,
 * whichever instance picks each firing up.
 */
@QuarkusTest
class ClusteredSchedulingTest {

    private static final Logger LOG = Logger.getLogger(ClusteredSchedulingTest.class);
    static final int FIRINGS = 8;

    @Inject
    Scheduler quarkus;
    @Inject
    DataSource db;

    /** Plain DriverManager connections to the test database: the second instance shares nothing with the first but the database. */
    public static class TestConnections implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            return DriverManager.getConnection(System.getProperty("trustledger.test.jdbc-url",
                    "jdbc:postgresql://localhost:5432/trustledger_test"), p);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }

    private long runs() {
        return Api.count(db, "SELECT count(*) FROM collector_run WHERE collector_id = 't-cluster' AND origin = 'schedule'");
    }

    private void awaitRuns(long target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (runs() < target && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Firings further apart than the 1 s polling interval, so whichever instance polls first in each window takes it. */
    private static Trigger burst(String name, JobKey job, int firings) {
        return TriggerBuilder.newTrigger().withIdentity(name, "tests").forJob(job)
                .startAt(new Date(System.currentTimeMillis() + 1500))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(2000).withRepeatCount(firings - 1)
                        .withMisfireHandlingInstructionFireNow())
                .build();
    }

    @Test
    void eachFiringRunsExactlyOnceAcrossTwoInstances() throws Exception {
        JobKey job = JobKey.jobKey("t-cluster", CollectorScheduler.GROUP);
        assertTrue(quarkus.checkExists(job), "the application scheduled the collector's job");
        // First the application's scheduler alone: its jobs run through the JDBC store and the CDI lookup.
        long start = runs();
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                quarkus.scheduleJob(burst("app-only", job, 3));
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRuns(start + 3);
        assertEquals(start + 3, runs());

        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", quarkus.getSchedulerName());
        p.setProperty("org.quartz.scheduler.instanceId", "second-test-instance");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "second");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.useProperties", "true"); // as the application stores job data
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "2000");
        // Both instances poll every second in tests (see %test.quarkus.quartz.unsupported-properties), so both compete for firings.
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.dataSource.second.connectionProvider.class", TestConnections.class.getName());
        // Quartz keeps one scheduler per name in a JVM-wide repository, and getScheduler() would hand back the
        // application's own; take it out while the second instance is created, and put it back afterwards.
        SchedulerRepository repository = SchedulerRepository.getInstance();
        repository.remove(quarkus.getSchedulerName());
        Scheduler second;
        try {
            second = new StdSchedulerFactory(p).getScheduler();
        } finally {
            repository.remove(quarkus.getSchedulerName());
            repository.bind(quarkus);
        }
        assertTrue(second != quarkus && !second.getSchedulerInstanceId().equals(quarkus.getSchedulerInstanceId()), "two instances");
        AtomicInteger onSecond = new AtomicInteger();
        second.getListenerManager().addJobListener(new JobListener() {
            @Override
            public String getName() {
                return "count-second";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                onSecond.incrementAndGet();
            }
        }, KeyMatcher.keyEquals(job));
        second.start();
        try {
            long before = runs();
            second.scheduleJob(burst("two-instances", job, FIRINGS));
            awaitRuns(before + FIRINGS);
            Thread.sleep(3000); // time for a duplicate to show up, if either instance were to run a firing again
            long runs = runs() - before;
            LOG.infof("%d firings: %d runs, %d on the second instance, %d on the application's", FIRINGS, runs, onSecond.get(),
                    runs - onSecond.get());
            assertEquals(FIRINGS, runs);
            // A firing stored through the second instance, while that instance does not execute, is run by the application's.
            second.standby();
            int seen = onSecond.get();
            long mid = runs();
            second.scheduleJob(burst("stored-by-second", job, 2));
            awaitRuns(mid + 2);
            assertEquals(mid + 2, runs());
            assertEquals(seen, onSecond.get());
        } finally {
            second.shutdown(true);
        }
    }
}
