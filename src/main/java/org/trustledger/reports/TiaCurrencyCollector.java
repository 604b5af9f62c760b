package org.trustledger.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.TransferAssessment;
import org.trustledger.system.Vendor;

/**
 * Transfer impact assessment currency (GDPR Art. 44, 46): every vendor whose third-country transfer relies on
 * an Art. 46 tool or a derogation must have an assessment whose {@code next_review} is still ahead, and a TIA
 * report rendered for it within {@code max_age_days}. Vendors relying on adequacy (Art. 45) are listed as
 * needing none.
 */
@ApplicationScoped
public class TiaCurrencyCollector extends BaseCollectorType {

    private static final Param MAX_AGE_DAYS = Param.maxAgeDays(100, "the latest rendered TIA of a vendor may be at most this old");

    private final SystemDescription system;
    private final ReportStore reports;

    public TiaCurrencyCollector(SystemDescription system, ReportStore reports) {
        super("tia-currency", MAX_AGE_DAYS);
        this.system = system;
        this.reports = reports;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        return check(system, d.params(), ctx.now());
    }

    /** The judgement over a given model, so that tests can pass a modified one. */
    public CollectorResult check(SystemDescription model, JsonNode params, Instant now) {
        int maxAge = MAX_AGE_DAYS.intIn(params);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant oldest = now.minus(Duration.ofDays(maxAge));
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_on", today.toString());
        payload.put("max_age_days", maxAge);
        ArrayNode list = payload.putArray("vendors");
        ArrayNode adequacy = payload.putArray("adequacy_or_eea");
        List<String> failing = new ArrayList<>();
        for (Vendor v : model.vendors()) {
            if (!v.needsTransferAssessment()) {
                adequacy.addObject().put("id", v.id()).set("third_countries", CollectorResult.strings(v.thirdCountries()));
                continue;
            }
            ObjectNode o = list.addObject();
            o.put("id", v.id());
            o.set("third_countries", CollectorResult.strings(v.thirdCountries()));
            o.put("mechanism", v.transferMechanism().type().name().toLowerCase(java.util.Locale.ROOT));
            List<String> problems = new ArrayList<>();
            TransferAssessment ta = v.transferAssessment();
            if (ta == null || ta.nextReview() == null) {
                problems.add("no transfer assessment");
            } else {
                o.put("next_review", ta.nextReview().toString());
                if (!ta.nextReview().isAfter(today)) {
                    problems.add("assessment review due " + ta.nextReview());
                }
            }
            Optional<Report> latest = reports.latest(ReportKind.TIA, v.id());
            if (latest.isPresent()) {
                Instant at = latest.get().generatedAt();
                o.put("latest_report_id", latest.get().id());
                o.put("latest_report_at", at.toString());
                if (at.isBefore(oldest)) {
                    problems.add("latest TIA report rendered " + at + ", older than " + maxAge + " days");
                }
            } else {
                problems.add("no TIA report rendered");
            }
            o.set("problems", CollectorResult.strings(problems));
            if (!problems.isEmpty()) {
                failing.add(v.id() + ": " + String.join(", ", problems));
            }
        }
        if (!failing.isEmpty()) {
            return CollectorResult.fail(failing.size() + " of " + list.size() + " vendors needing a TIA are not current: "
                    + String.join("; ", failing), payload);
        }
        return CollectorResult.pass("all " + list.size() + " vendors needing a TIA have a current assessment and a TIA rendered within "
                + maxAge + " days", payload);
    }
}
