package org.trustledger.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** How single sign-on (OIDC, {@code quarkus.oidc.*}) identities become TrustLedger roles. */
@ConfigMapping(prefix = "trustledger.oidc")
public interface OidcLoginConfig {

    /** The ID-token claim holding the IdP's groups or roles (a string or an array of strings). */
    @WithDefault("groups")
    String roleClaim();

    /** IdP claim value to TrustLedger role ({@code admin}, {@code compliance}, {@code privacy}, {@code auditor}). */
    Map<String, String> roles();
}
