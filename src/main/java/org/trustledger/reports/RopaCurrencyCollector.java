package org.trustledger.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;

/** Record of processing activities currency (GDPR Art. 30): a RoPA report rendered within {@code max_age_days}. */
@ApplicationScoped
public class RopaCurrencyCollector extends BaseCollectorType {

    private static final Param MAX_AGE_DAYS = Param.maxAgeDays(35, "the latest rendered RoPA may be at most this old");

    private final ReportStore reports;

    public RopaCurrencyCollector(ReportStore reports) {
        super("ropa-currency", MAX_AGE_DAYS);
        this.reports = reports;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        int maxAge = MAX_AGE_DAYS.intIn(d.params());
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        payload.put("max_age_days", maxAge);
        Optional<Report> latest = reports.latest(ReportKind.ROPA);
        if (latest.isEmpty()) {
            return CollectorResult.fail("no RoPA report has been rendered", payload);
        }
        Report r = latest.get();
        long age = Duration.between(r.generatedAt(), now).toDays();
        payload.putObject("latest").put("id", r.id()).put("period", r.period()).put("generated_at", r.generatedAt().toString())
                .put("generated_by", r.generatedBy()).put("sha256", r.sha256()).put("age_days", age);
        if (r.generatedAt().isBefore(now.minus(Duration.ofDays(maxAge)))) {
            return CollectorResult.fail("latest RoPA report (" + r.id() + ") was rendered " + r.generatedAt() + ", " + age
                    + " days ago, older than " + maxAge + " days", payload);
        }
        return CollectorResult.pass("RoPA report " + r.id() + " for " + r.period() + " rendered " + r.generatedAt(), payload);
    }
}
