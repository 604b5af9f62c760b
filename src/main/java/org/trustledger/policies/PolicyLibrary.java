package org.trustledger.policies;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trustledger.config.ConfigFileException;
import org.trustledger.config.ConfigFiles;
import org.trustledger.controls.ControlCatalog;

/**
 * The policy documents in {@code policies/}, validated at start-up (a bad front matter or an unknown
 * control ID stops the platform naming the file). {@link #reload()} reads the files again, so checks
 * see edits made after start-up.
 */
@Singleton
public class PolicyLibrary {

    private final Path dir;
    private final ControlCatalog catalog;
    private final Clock clock;
    private final List<Policy> atStartup;

    public PolicyLibrary(@ConfigProperty(name = "trustledger.policies-dir", defaultValue = "policies") Path dir, ControlCatalog catalog,
            Clock clock) {
        this.dir = dir;
        this.catalog = catalog;
        this.clock = clock;
        this.atStartup = ConfigFiles.loadAtStartup(() -> loader().load(dir));
    }

    private PolicyLoader loader() {
        return new PolicyLoader(catalog::isKnown, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    public Path dir() {
        return dir;
    }

    /** The policies as validated at start-up. */
    public List<Policy> policies() {
        return atStartup;
    }

    public Optional<Policy> policy(String id) {
        return atStartup.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Reads the directory again; throws {@link ConfigFileException} if it no longer validates. */
    public List<Policy> reload() {
        return loader().load(dir);
    }
}
