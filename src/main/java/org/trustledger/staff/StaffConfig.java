package org.trustledger.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "trustledger.staff")
public interface StaffConfig {

    @WithDefault("12")
    int bcryptCost();

    /** Absolute lifetime of a staff session. */
    @WithDefault("PT8H")
    Duration sessionLifetime();

    /** A session unused for this long ends. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** Failed logins (per account name and per client IP) allowed within {@link #failureWindow()}. */
    @WithDefault("5")
    int maxFailedLogins();

    @WithDefault("PT15M")
    Duration failureWindow();

    /** First lock-out once the limit is reached; each further failure doubles it up to {@link #maxLockout()}. */
    @WithDefault("PT1M")
    Duration lockout();

    @WithDefault("PT1H")
    Duration maxLockout();

    /** Whether staff may sign in with a local username and password; false leaves single sign-on as the only way in. */
    @WithDefault("true")
    boolean localLogin();
}
