package org.trustledger.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Staff may come from 198.51.0.0/16 (the test helpers' addresses), CI from 192.0.2.0/24; loopback is a trusted proxy in tests. */
public class AllowlistProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("trustledger.http.staff-allowlist", "198.51.0.0/16, 2001:db8::/32",
                "trustledger.http.service-allowlist", "192.0.2.0/24");
    }
}
