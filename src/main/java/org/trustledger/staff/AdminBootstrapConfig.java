package org.trustledger.staff;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** TRUSTLEDGER_ADMIN_USERNAME / TRUSTLEDGER_ADMIN_PASSWORD: the first admin, created only while none exists. */
@ConfigMapping(prefix = "trustledger.admin")
public interface AdminBootstrapConfig {

    Optional<String> username();

    Optional<String> password();
}
