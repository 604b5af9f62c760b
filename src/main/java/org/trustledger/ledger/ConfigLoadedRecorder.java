package org.trustledger.ledger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/**
 * Records a config_loaded event at start-up with the SHA-256 of every configuration file the
 * platform loaded, so an auditor can tell which catalogs and system description were in force.
 */
@ApplicationScoped
public class ConfigLoadedRecorder {

    static final List<String> CATALOGS = List.of("controls/iso27001-2022.yaml", "controls/soc2-tsc-2017.yaml", "controls/gdpr.yaml",
            "controls/crosswalk.yaml");

    private final GovernanceLog governance;
    private final String systemDescription;

    public ConfigLoadedRecorder(GovernanceLog governance,
            @ConfigProperty(name = "trustledger.system-description") String systemDescription) {
        this.governance = governance;
        this.systemDescription = systemDescription;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        governance.record(GovernanceLog.CONFIG_LOADED, GovernanceLog.SYSTEM, null, Map.of("files", fileHashes()));
    }

    /** Path (classpath resources as "classpath:…") to lowercase hex SHA-256; a missing file maps to null. */
    Map<String, Object> fileHashes() {
        Map<String, Object> files = new LinkedHashMap<>();
        for (String resource : CATALOGS) {
            try (InputStream in = ConfigLoadedRecorder.class.getClassLoader().getResourceAsStream(resource)) {
                files.put("classpath:" + resource, in == null ? null : Codec.toHex(Hashes.sha256(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path sd = Path.of(systemDescription);
        try {
            files.put(systemDescription, Files.isRegularFile(sd) ? Codec.toHex(Hashes.sha256(Files.readAllBytes(sd))) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
