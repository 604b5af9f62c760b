package org.trustledger.collect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "trustledger.collectors")
public interface CollectorsConfig {

    /** Absolute paths of the executables {@code command} collectors may spawn; empty means none may. */
    Optional<List<String>> commandAllowlist();

    /** Extra JDBC sources {@code sql-check} collectors may name with {@code params.source}. */
    Map<String, JdbcSource> jdbc();

    interface JdbcSource {
        String url();

        Optional<String> username();

        Optional<String> password();
    }

    /** Largest manual-evidence file accepted (bytes, after base64 decoding). */
    @WithDefault("524288")
    int maxUploadBytes();

    /** How often the clustered staleness sweep runs (Quartz cron, UTC). */
    @WithDefault("0 */5 * * * ?")
    String stalenessSchedule();

    /** Whether a collector that has never run is run once right after it is first scheduled. */
    @io.smallrye.config.WithDefault("true")
    boolean runNewOnStart();

    /** Service-account token lifetime when the request names none, and the longest allowed. */
    @WithDefault("P90D")
    Duration tokenDefaultLifetime();

    @WithDefault("P365D")
    Duration tokenMaxLifetime();
}
