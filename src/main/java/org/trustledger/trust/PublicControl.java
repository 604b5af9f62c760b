package org.trustledger.trust;

import java.util.List;

/**
 * What the public trust center shows about one control, and nothing more: the single place that decides
 * which facts leave the building (no evidence payloads, no internal notes, no staff names).
 */
public record PublicControl(String id, String title, String group, boolean applicable, String justification, List<String> related,
        List<String> collectors, List<String> policies, String latestStatus, java.time.Instant collectedAt, boolean fresh) {

    /** How the page labels the control's state: evidence status when fresh, otherwise why there is none. */
    public String state() {
        if (!applicable) {
            return "excluded";
        }
        if (collectors.isEmpty()) {
            return "not covered";
        }
        if (latestStatus == null) {
            return "awaiting evidence";
        }
        return fresh ? latestStatus : "stale";
    }
}
