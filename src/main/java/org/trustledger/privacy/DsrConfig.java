package org.trustledger.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "trustledger.dsr")
public interface DsrConfig {

    /** Intake attempts (valid or not) per client IP and clock hour; the next one gets 429. */
    @WithDefault("5")
    int rateLimitPerHour();

    /**
     * The email HMAC key, base64 of 32 bytes (TRUSTLEDGER_DSR_EMAIL_HMAC_KEY). Several instances must share
     * one key; when absent, {@link #emailHmacKeyFile()} is used.
     */
    Optional<String> emailHmacKey();

    /** Where the email HMAC key is kept (created on first start, mode 0600, directory 0700). */
    @WithDefault("data/secrets/dsr-email-hmac.key")
    String emailHmacKeyFile();
}
