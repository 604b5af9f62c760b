package org.trustledger.trust;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The trust center's public base URL: feeds need absolute links, and a request's Host header is not to be trusted. */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    public PublicUrl(@ConfigProperty(name = "trustledger.public-url", defaultValue = "http://localhost:8080") String base) {
        URI uri = URI.create(base);
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null || uri.getRawQuery() != null) {
            throw new ConfigurationException("trustledger.public-url: must be an absolute http(s) URL without query, e.g. https://trust.example.com");
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String of(String path) {
        return base + path;
    }
}
