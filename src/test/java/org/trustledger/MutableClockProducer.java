package org.trustledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * Replaces the application clock with {@link #CLOCK}, only in test profiles that enable this
 * alternative (so tests relying on real time elsewhere are untouched).
 */
@Alternative
@ApplicationScoped
public class MutableClockProducer {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @ApplicationScoped
    MutableClock clock() {
        return CLOCK;
    }
}
