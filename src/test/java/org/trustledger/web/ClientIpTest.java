package org.trustledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientIpTest {

    private static ClientIp withProxies(String... cidrs) {
        return new ClientIp(new HttpConfig() {
            @Override
            public Optional<List<String>> trustedProxies() {
                return Optional.of(List.of(cidrs));
            }

            @Override
            public String clientIpHeader() {
                return "X-Forwarded-For";
            }

            @Override
            public Optional<List<String>> staffAllowlist() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> serviceAllowlist() {
                return Optional.empty();
            }
        });
    }

    @Test
    void untrustedPeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.9", withProxies("10.0.0.0/8").resolve("203.0.113.9", List.of("1.2.3.4")));
        assertEquals("203.0.113.9", withProxies().resolve("203.0.113.9", List.of("1.2.3.4")));
    }

    @Test
    void trustedProxyChainIsWalkedFromTheRight() {
        ClientIp ip = withProxies("10.0.0.0/8", "192.0.2.0/24");
        assertEquals("198.51.100.7", ip.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.7, 192.0.2.5")));
        assertEquals("198.51.100.7", ip.resolve("10.1.2.3", List.of("6.6.6.6", "198.51.100.7")));
        assertEquals("10.1.2.3", ip.resolve("10.1.2.3", List.of()));
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        ClientIp ip = withProxies("10.0.0.0/8");
        assertEquals("10.1.2.3", ip.resolve("10.1.2.3", List.of("evil.example.com")));
        assertEquals("10.1.2.3", ip.resolve("10.1.2.3", List.of("1.2.3.4, <script>")));
    }

    @Test
    void ipv6AndMappedAddresses() {
        ClientIp ip = withProxies("::1/128", "127.0.0.0/8");
        assertEquals("2001:db8:0:0:0:0:0:1", ip.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::1")));
        assertEquals("203.0.113.1", ip.resolve("::ffff:127.0.0.1", List.of("203.0.113.1")));
    }

    @Test
    void cidrMatching() {
        Cidr c = Cidr.parse("192.168.0.0/23");
        assertTrue(c.contains("192.168.1.255"));
        assertFalse(c.contains("192.168.2.0"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertFalse(Cidr.parse("10.0.0.0/8").contains("::1"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("300.1.1.1"));
    }
}
