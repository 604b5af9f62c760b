package org.trustledger.collect;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trustledger.common.DomainException;
import org.trustledger.config.ConfigFileException;
import org.trustledger.controls.ControlCatalog;

/**
 * The collector definitions of {@code trustledger.collectors-dir}, loaded and validated once when the
 * platform starts; any problem stops start-up with one line per problem. Changing definitions means
 * restarting, which also re-syncs the Quartz schedule.
 */
@Singleton
public class CollectorRegistry {

    private final Path dir;
    private final Map<String, CollectorType> types;
    private final Map<String, CollectorDefinition> definitions = new TreeMap<>();

    public CollectorRegistry(@ConfigProperty(name = "trustledger.collectors-dir", defaultValue = "collectors") Path dir,
            @Any Instance<CollectorType> beans, ControlCatalog catalog) {
        this.dir = dir;
        Map<String, CollectorType> byName = new TreeMap<>();
        for (CollectorType t : beans) {
            CollectorType clash = byName.putIfAbsent(t.name(), t);
            if (clash != null) {
                throw new ConfigurationException("collector type '" + t.name() + "' is implemented twice: "
                        + clash.getClass().getName() + " and " + t.getClass().getName());
            }
        }
        this.types = Map.copyOf(byName);
        try {
            for (CollectorDefinition d : loader(catalog).load(dir)) {
                definitions.put(d.id(), d);
            }
        } catch (ConfigFileException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private DefinitionLoader loader(ControlCatalog catalog) {
        return new DefinitionLoader(types, catalog::isKnown);
    }

    public Path dir() {
        return dir;
    }

    public List<CollectorDefinition> all() {
        return List.copyOf(definitions.values());
    }

    public Optional<CollectorDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : definitions.get(id));
    }

    /** The loaded collector, or the domain's 404. */
    public CollectorDefinition require(String id) {
        return find(id).orElseThrow(() -> DomainException.notFound("No collector with this id."));
    }

    /** The loaded collector of {@code type}; a collector of another type is a conflict (409), not a missing one. */
    public CollectorDefinition requireType(String id, String type) {
        CollectorDefinition d = require(id);
        if (!d.type().equals(type)) {
            throw DomainException.conflict("This collector is of type " + d.type() + "; this operation needs a " + type + " collector.");
        }
        return d;
    }

    public Map<String, CollectorType> types() {
        return types;
    }

    public CollectorType type(CollectorDefinition d) {
        return types.get(d.type());
    }
}
