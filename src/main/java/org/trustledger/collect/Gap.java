package org.trustledger.collect;

import java.time.Instant;
import java.util.List;

/** An entry of the nonconformity register. */
public record Gap(
        long id,
        String source,
        List<String> controls,
        Severity severity,
        String status,
        String reason,
        Instant openedAt,
        Long openedByRun,
        Instant lastSeenAt,
        String assignee,
        String resolution,
        Instant closedAt,
        String closedBy,
        Long closedByRun) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public record Event(long id, Instant at, String actor, String action, String detail) {
    }
}
