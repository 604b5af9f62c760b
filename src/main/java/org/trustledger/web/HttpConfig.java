package org.trustledger.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "trustledger.http")
public interface HttpConfig {

    /** CIDRs of reverse proxies whose client-IP header is believed; empty means none is. */
    Optional<List<String>> trustedProxies();

    /** The header a trusted proxy puts the client address in. */
    @WithDefault("X-Forwarded-For")
    String clientIpHeader();

    /** CIDRs staff pages and APIs ({@link Routes}) may be reached from; empty means anywhere. */
    Optional<List<String>> staffAllowlist();

    /** CIDRs service accounts may push evidence from; empty means anywhere. */
    Optional<List<String>> serviceAllowlist();
}
