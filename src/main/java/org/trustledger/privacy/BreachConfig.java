package org.trustledger.privacy;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Breach notification SLAs. The authority's 72 hours are the law (Art. 33(1)) and not configurable. */
@ConfigMapping(prefix = "trustledger.breach")
public interface BreachConfig {

    /** How long a processor has to tell its controllers (Art. 33(2) "without undue delay"; the DPA's SLA). */
    @WithDefault("PT72H")
    Duration controllersNotificationSla();

    /** How long a controller has to tell data subjects of a high-risk breach (Art. 34(1) "without undue delay"). */
    @WithDefault("P14D")
    Duration subjectsNotificationSla();

    /** Makes the configured {@link BreachDeadlines}, checked at start-up. */
    @ApplicationScoped
    class Producer {

        private static final Duration LONGEST = Duration.ofDays(90);

        @Produces
        @Startup
        @Singleton
        BreachDeadlines breachDeadlines(BreachConfig config) {
            check("trustledger.breach.controllers-notification-sla", config.controllersNotificationSla());
            check("trustledger.breach.subjects-notification-sla", config.subjectsNotificationSla());
            return new BreachDeadlines(config.controllersNotificationSla(), config.subjectsNotificationSla());
        }

        private static void check(String key, Duration d) {
            if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
                throw new ConfigurationException(key + ": must be a positive duration of at most 90 days (e.g. PT24H, P14D)");
            }
        }
    }
}
