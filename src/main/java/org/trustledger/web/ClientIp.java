package org.trustledger.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The client address rate limits and allowlists are keyed on: the socket peer, unless the peer
 * is a trusted proxy, in which case the right-most untrusted address of the configured header.
 */
@ApplicationScoped
public class ClientIp {

    private final List<Cidr> trustedProxies;
    private final String header;

    public ClientIp(HttpConfig config) {
        this.trustedProxies = config.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(Cidr::parse).toList();
        this.header = config.clientIpHeader();
    }

    public String resolve(HttpServerRequest request) {
        String peer = normalise(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return resolve(peer, request.headers().getAll(header));
    }

    /** Whether the client reached us over TLS, directly or through a trusted proxy that says so. */
    public boolean isHttps(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String peer = normalise(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return peer != null && trusted(peer) && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** Walks the forwarding chain from the nearest hop outward, stopping at the first hop we do not trust. */
    String resolve(String peer, List<String> headerValues) {
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer) || headerValues.isEmpty()) {
            return peer;
        }
        List<String> hops = headerValues.stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::trim)
                .toList();
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalise(hops.get(i));
            if (hop == null) {
                break; // garbage in the header: trust nothing further out
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }

    private static String normalise(String address) {
        byte[] bytes = Cidr.literal(address);
        return bytes == null ? null : InetAddressText.of(bytes);
    }
}
