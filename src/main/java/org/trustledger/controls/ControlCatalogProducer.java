package org.trustledger.controls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.trustledger.config.ConfigFiles;

@ApplicationScoped
public class ControlCatalogProducer {

    @Produces
    @Singleton
    ControlCatalog catalog() {
        return ConfigFiles.loadAtStartup(ControlCatalog::loadFromClasspath);
    }
}
