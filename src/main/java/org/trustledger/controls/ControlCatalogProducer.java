package org.trustledger.controls;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ApplicationScoped
public class ControlCatalogProducer {

    @Produces
    @Singleton
    ControlCatalog catalog() {
        try {
            return ControlCatalog.loadFromClasspath();
        } catch (ControlCatalog.InvalidCatalogException e) {
            // ConfigurationException makes Quarkus print just the message, one problem per line.
            throw new ConfigurationException(e.getMessage());
        }
    }
}
