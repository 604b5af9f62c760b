package org.trustledger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.system.SystemDescription;
import org.trustledger.trust.AdvisoriesProducer;

/** Loads every YAML input at start-up, so a bad file fails fast instead of on the first request. */
@Startup
@ApplicationScoped
public class StartupValidation {

    public StartupValidation(ControlCatalog catalog, SystemDescription system, AdvisoriesProducer.Advisories advisories) {
        // Constructing this bean is the check: each producer validates what it loads.
    }
}
