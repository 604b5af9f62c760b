package org.trustledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Control IDs of the shipped catalogs ({@code controls[].id} of src/main/resources/controls/*.yaml). */
final class CatalogIds {
    private static final String[] CATALOGS = {
        "controls/iso27001-2022.yaml", "controls/soc2-tsc-2017.yaml", "controls/gdpr.yaml"
    };

    private CatalogIds() {
    }

    static Set<String> load() {
        YAMLMapper yaml = new YAMLMapper();
        Set<String> ids = new HashSet<>();
        for (String resource : CATALOGS) {
            try (InputStream in = CatalogIds.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing catalog on the classpath: " + resource);
                }
                for (JsonNode control : yaml.readTree(in).path("controls")) {
                    ids.add(control.path("id").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(ids);
    }
}
