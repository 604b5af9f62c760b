package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A collector type that only exists in tests: it throws, to show a crashing check becomes an error run. */
@ApplicationScoped
public class ThrowingCollector implements CollectorType {

    @Override
    public String name() {
        return "test-throws";
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public CollectorResult collect(CollectorDefinition definition, RunContext context) {
        throw new IllegalStateException("simulated collector crash");
    }
}
