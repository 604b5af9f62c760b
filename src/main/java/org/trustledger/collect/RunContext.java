package org.trustledger.collect;

import java.time.Clock;
import java.time.Instant;

/** Facts about the run in progress: the clock every check must use, and when the run will be abandoned. */
public record RunContext(Clock clock, Instant startedAt, Instant deadline) {

    public Instant now() {
        return clock.instant();
    }
}
