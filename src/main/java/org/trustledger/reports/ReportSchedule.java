package org.trustledger.reports;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** RoPA monthly and TIAs quarterly, on the clustered scheduler; the store makes a repeat in the same period a no-op. */
@ApplicationScoped
public class ReportSchedule {

    private static final Logger LOG = Logger.getLogger(ReportSchedule.class);

    private final ReportService reports;

    public ReportSchedule(ReportService reports) {
        this.reports = reports;
    }

    @Scheduled(identity = "report-ropa-monthly", cron = "0 15 0 1 * ?", timeZone = "UTC")
    void monthlyRopa() {
        LOG.infof("Rendered %d RoPA report(s)", reports.render(ReportKind.ROPA, Optional.empty(), ReportStore.SCHEDULER).size());
    }

    @Scheduled(identity = "report-tia-quarterly", cron = "0 20 0 1 1,4,7,10 ?", timeZone = "UTC")
    void quarterlyTia() {
        LOG.infof("Rendered %d TIA report(s)", reports.render(ReportKind.TIA, Optional.empty(), ReportStore.SCHEDULER).size());
    }
}
