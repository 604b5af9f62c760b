package org.trustledger.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.trustledger.config.ConfigFiles;

@ApplicationScoped
public class AdvisoriesProducer {

    /** The published advisories, newest first. */
    public record Advisories(java.util.List<Advisory> all) {
        public java.util.Optional<Advisory> byId(String id) {
            return all.stream().filter(a -> a.id().equals(id)).findFirst();
        }
    }

    @Produces
    @Singleton
    Advisories advisories(TrustConfig config) {
        return ConfigFiles.loadAtStartup(() -> new Advisories(new AdvisoryLoader().load(Path.of(config.advisoriesDir()))));
    }
}
