package org.trustledger.privacy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;
import org.trustledger.privacy.Consent;
import org.trustledger.privacy.ConsentRepository;
import org.trustledger.system.LegalBasis;
import org.trustledger.system.ProcessingActivity;
import org.trustledger.system.SystemDescription;

/**
 * The consent register (GDPR Art. 7): every active consent purpose has been reviewed within
 * {@code max_age_days} and says how consent is withdrawn and where proof of it is kept. An empty register
 * fails only when the system description has a processing activity based on consent (Art. 6(1)(a)).
 */
@ApplicationScoped
public class ConsentRegisterCollector extends BaseCollectorType {

    private static final Param MAX_AGE = Param.maxAgeDays(365, "an active purpose must have been reviewed within this many days");

    private final SystemDescription system;
    private final ConsentRepository consents;

    public ConsentRegisterCollector(SystemDescription system, ConsentRepository consents) {
        super("consent-register", MAX_AGE);
        this.system = system;
        this.consents = consents;
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        return check(system, d.params(), ctx.now());
    }

    /** The judgement over a given model, so that tests can pass a modified one. */
    public CollectorResult check(SystemDescription model, JsonNode params, Instant now) {
        int maxAge = MAX_AGE.intIn(params);
        Instant oldest = now.minus(Duration.ofDays(maxAge));
        ObjectNode payload = CollectorResult.object();
        payload.put("checked_at", now.toString());
        payload.put("max_age_days", maxAge);
        List<String> consentActivities = model.processingActivities().stream()
                .filter(a -> a.legalBasis() == LegalBasis.CONSENT).map(ProcessingActivity::id).toList();
        payload.set("consent_based_activities", CollectorResult.strings(consentActivities));
        ArrayNode list = payload.putArray("purposes");
        List<String> failing = new ArrayList<>();
        for (Consent c : consents.active()) {
            ObjectNode o = list.addObject();
            o.put("id", c.id());
            o.put("purpose_id", c.purposeId());
            o.put("legal_text_version", c.legalTextVersion());
            Instant reviewed = c.lastReviewedAt();
            o.put("last_reviewed_at", reviewed == null ? null : reviewed.toString());
            List<String> problems = new ArrayList<>();
            if (reviewed == null) {
                problems.add("never reviewed");
            } else if (reviewed.isBefore(oldest)) {
                problems.add("not reviewed within " + maxAge + " days");
            }
            if (!present(c.withdrawalMethod())) {
                problems.add("no withdrawal method");
            }
            if (!present(c.proofLocation())) {
                problems.add("no proof location");
            }
            o.set("problems", CollectorResult.strings(problems));
            if (!problems.isEmpty()) {
                failing.add(c.purposeId() + " (" + String.join(", ", problems) + ")");
            }
        }
        if (list.isEmpty()) {
            if (!consentActivities.isEmpty()) {
                return CollectorResult.fail("no consent purposes recorded, but processing activities rely on consent: "
                        + String.join(", ", consentActivities), payload);
            }
            return CollectorResult.pass("no consent purposes recorded and no processing activity relies on consent", payload);
        }
        if (!failing.isEmpty()) {
            return CollectorResult.fail(failing.size() + " of " + list.size() + " active consent purposes fall short: "
                    + String.join("; ", failing), payload);
        }
        return CollectorResult.pass("all " + list.size() + " active consent purposes reviewed within " + maxAge
                + " days, with withdrawal method and proof location", payload);
    }

    /** Whether {@code text} has something besides spaces (what PostgreSQL's {@code btrim(text) <> ''} tests). */
    private static boolean present(String text) {
        return text != null && text.chars().anyMatch(ch -> ch != ' ');
    }
}
