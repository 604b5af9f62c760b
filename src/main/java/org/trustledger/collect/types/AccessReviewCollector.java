package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.RunContext;
import org.trustledger.collect.ServiceToken;
import org.trustledger.staff.StaffAccounts;

/**
 * Access review over TrustLedger's own accounts: enabled staff accounts unused for too long, roles not
 * reviewed within the interval, and service-account tokens past expiry that nobody revoked.
 */
@ApplicationScoped
public class AccessReviewCollector extends BaseCollectorType {

    private static final Param INACTIVE_DAYS = Param.integer("inactive_days", 1, 3650, 90, "an enabled account unused this long is flagged");
    private static final Param ROLE_REVIEW_DAYS = Param.integer("role_review_days", 1, 3650, 180,
            "roles must have been reviewed within this many days");

    private final StaffAccounts staff;

    public AccessReviewCollector(StaffAccounts staff) {
        super("access-review", INACTIVE_DAYS, ROLE_REVIEW_DAYS);
        this.staff = staff;
    }

    @Override
    @Transactional
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) {
        int inactiveDays = INACTIVE_DAYS.intIn(d.params());
        int reviewDays = ROLE_REVIEW_DAYS.intIn(d.params());
        Instant now = ctx.now();
        ObjectNode payload = CollectorResult.object();
        payload.put("inactive_days", inactiveDays);
        payload.put("role_review_days", reviewDays);
        List<String> findings = new ArrayList<>();
        long accounts = staff.enabledCount();
        payload.put("enabled_accounts", accounts);
        ArrayNode inactive = payload.putArray("inactive_accounts");
        for (StaffAccounts.LastActive a : staff.inactiveSince(now.minus(Duration.ofDays(inactiveDays)))) {
            inactive.addObject().put("username", a.username()).put("last_active_at", a.at().toString());
        }
        if (!inactive.isEmpty()) {
            findings.add(inactive.size() + " enabled accounts inactive for over " + inactiveDays + " days");
        }
        ArrayNode unreviewed = payload.putArray("roles_not_reviewed");
        for (StaffAccounts.RolesReviewed a : staff.rolesNotReviewedSince(now.minus(Duration.ofDays(reviewDays)))) {
            unreviewed.addObject().put("username", a.username()).put("roles_reviewed_at", a.at().toString());
        }
        if (!unreviewed.isEmpty()) {
            findings.add(unreviewed.size() + " accounts with roles not reviewed within " + reviewDays + " days");
        }
        ArrayNode tokens = payload.putArray("expired_unrevoked_tokens");
        for (ServiceToken t : ServiceToken.<ServiceToken>list("revokedAt is null and expiresAt <= ?1 order by id", now)) {
            tokens.addObject().put("id", t.id).put("collector_id", t.collectorId).put("label", t.label).put("expired_at", t.expiresAt.toString());
        }
        if (!tokens.isEmpty()) {
            findings.add(tokens.size() + " expired service tokens not revoked");
        }
        if (findings.isEmpty()) {
            return CollectorResult.pass(accounts + " enabled accounts active and reviewed; no expired unrevoked tokens", payload);
        }
        return CollectorResult.fail(String.join("; ", findings), payload);
    }
}
