package org.trustledger.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "trustledger.ledger")
public interface LedgerConfig {

    /** Checkpoint origin, which is also the signed-note key name. */
    @WithDefault("trustledger.local/evidence")
    String origin();

    /** PKCS#8 PEM of the Ed25519 signing key; created (0600, directory 0700) on first start. */
    @WithDefault("data/keys/ledger-ed25519.pem")
    Path keyPath();

    /** When the daily manifest job runs (Quartz cron, UTC); "off" disables it. */
    @WithDefault("0 5 0 * * ?")
    String sealCron();
}
