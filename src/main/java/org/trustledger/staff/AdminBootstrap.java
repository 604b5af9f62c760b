package org.trustledger.staff;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceLog;

/** Creates the first admin from TRUSTLEDGER_ADMIN_USERNAME / _PASSWORD when no admin exists; there is no default password. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AdminBootstrapConfig config;
    private final StaffAccounts accounts;
    private final GovernanceLog governance;

    public AdminBootstrap(AdminBootstrapConfig config, StaffAccounts accounts, GovernanceLog governance) {
        this.config = config;
        this.accounts = accounts;
        this.governance = governance;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (StaffAccount.enabledAdminExists()) {
            return;
        }
        if (config.username().isEmpty() || config.password().isEmpty()) {
            LOG.warn("No admin account exists. Set TRUSTLEDGER_ADMIN_USERNAME and TRUSTLEDGER_ADMIN_PASSWORD and restart to create one.");
            return;
        }
        String username = config.username().get().trim().toLowerCase(Locale.ROOT);
        if (!username.matches("^[a-z0-9][a-z0-9._-]{1,62}$")) {
            throw new ConfigurationException("TRUSTLEDGER_ADMIN_USERNAME: must be 2-63 characters of a-z, 0-9, '.', '_' or '-'");
        }
        String weakness = PasswordHasher.weakness(config.password().get());
        if (weakness != null) {
            throw new ConfigurationException("TRUSTLEDGER_ADMIN_PASSWORD: " + weakness);
        }
        if (accounts.create(username, config.password().get(), Set.of(Role.ADMIN))) {
            LOG.infof("Created the first admin account '%s'.", username);
            governance.record(GovernanceLog.STAFF_ACCOUNT_CREATED, GovernanceLog.SYSTEM, "staff:" + username,
                    Map.of("roles", List.of(Role.ADMIN), "via", "bootstrap"));
        } else {
            LOG.warnf("Account '%s' exists but is not an enabled admin; no admin was created.", username);
        }
    }
}
