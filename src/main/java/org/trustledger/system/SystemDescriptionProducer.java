package org.trustledger.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trustledger.config.ConfigFiles;
import org.trustledger.controls.ControlCatalog;

/** Loads the organisation's model once; an invalid file stops start-up with one line per problem. */
@ApplicationScoped
public class SystemDescriptionProducer {

    private final Path file;

    public SystemDescriptionProducer(@ConfigProperty(name = "trustledger.system-description") Path file) {
        this.file = file;
    }

    @Produces
    @Singleton
    SystemDescription systemDescription(ControlCatalog catalog, Clock clock) {
        return ConfigFiles.loadAtStartup(() -> new SystemDescriptionLoader(clock).load(file, catalog::isKnown));
    }
}
