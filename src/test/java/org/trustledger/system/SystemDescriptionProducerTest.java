package org.trustledger.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.controls.ControlCatalog;

/** A bad file must stop start-up with a ConfigurationException, which Quarkus prints as its bare message. */
class SystemDescriptionProducerTest {

    @Test
    void invalidFileBecomesAConfigurationErrorNamingFileFieldAndReason(@TempDir Path dir) throws IOException {
        String sample = Files.readString(Path.of("system/system-description.yaml"));
        Path bad = dir.resolve("sd.yaml");
        Files.writeString(bad, sample.replace("url: https://aws.amazon.com", "url: http://aws.amazon.com"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new SystemDescriptionProducer(bad).systemDescription(ControlCatalog.loadFromClasspath(), Clock.systemUTC()));
        assertEquals(bad + ": vendors[0].url: not an https URL", e.getMessage());
    }

    @Test
    void shippedSampleLoads() {
        SystemDescription sd = new SystemDescriptionProducer(Path.of("system/system-description.yaml"))
                .systemDescription(ControlCatalog.loadFromClasspath(), Clock.systemUTC());
        assertEquals(6, sd.scoping().gdprNotApplicable().size());
    }
}
