package org.trustledger.privacy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.privacy.PrivacyNotice;
import org.trustledger.privacy.PrivacyNoticeRepository;

/**
 * Privacy-notice currency (GDPR Art. 12 to 14): for each audience named, a notice is in force (the latest
 * non-retracted version published at or before now) and was published within its own review interval.
 */
@ApplicationScoped
public class PrivacyNoticeCurrencyCollector extends BaseCollectorType {

    static final Set<String> AUDIENCES = Set.of("customers", "website_visitors", "applicants", "staff");

    private static final Param AUDIENCES_PARAM = Param.required("audiences", Param.Kind.STRING_LIST,
            "audiences that must have a current notice: customers, website_visitors, applicants, staff");

    private final PrivacyNoticeRepository notices;

    public PrivacyNoticeCurrencyCollector(PrivacyNoticeRepository notices) {
        super("privacy-notice-currency", AUDIENCES_PARAM);
        this.notices = notices;
    }

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        JsonNode list = params.path("audiences");
        if (list.isEmpty()) {
            problems.add("params.audiences", "must name at least one audience");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!AUDIENCES.contains(list.get(i).asText())) {
                problems.add("params.audiences[" + i + "]", "unknown audience '" + list.get(i).asText()
                        + "'; one of applicants, customers, staff, website_visitors");
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        ArrayNode list = payload.putArray("audiences");
        List<String> failing = new ArrayList<>();
        for (JsonNode n : d.params().path("audiences")) {
            String audience = n.asText();
            ObjectNode o = list.addObject();
            o.put("audience", audience);
            Optional<PrivacyNotice> inForce = notices.inForce(audience, now);
            if (inForce.isEmpty()) {
                o.put("state", "missing");
                failing.add(audience + " (no notice in force)");
                continue;
            }
            PrivacyNotice notice = inForce.get();
            Instant reviewDue = notice.reviewDueAt();
            o.put("notice_id", notice.id());
            o.put("version_label", notice.versionLabel());
            o.put("url", notice.url());
            o.put("published_at", notice.publishedAt().toString());
            o.put("review_interval_days", notice.reviewIntervalDays());
            o.put("review_due", reviewDue.toString());
            if (reviewDue.isBefore(now)) {
                o.put("state", "review_overdue");
                failing.add(audience + " (notice " + notice.versionLabel() + " review due " + reviewDue + ")");
            } else {
                o.put("state", "current");
            }
        }
        if (!failing.isEmpty()) {
            return CollectorResult.fail(failing.size() + " of " + list.size() + " audiences lack a current privacy notice: "
                    + String.join("; ", failing), payload);
        }
        return CollectorResult.pass("all " + list.size() + " audiences have a privacy notice in force and within its review interval", payload);
    }
}
