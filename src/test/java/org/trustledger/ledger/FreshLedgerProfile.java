package org.trustledger.ledger;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;
import org.trustledger.MutableClockProducer;

/**
 * Its own application start, hence a freshly migrated (empty) ledger, with a clock tests can move:
 * evidence can then be dated on past days, which sealing needs.
 */
public class FreshLedgerProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MutableClockProducer.class);
    }
}
