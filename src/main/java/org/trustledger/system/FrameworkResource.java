package org.trustledger.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.web.Problem;

@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
public class FrameworkResource {

    private final ControlCatalog catalog;
    private final SystemDescription system;

    public FrameworkResource(ControlCatalog catalog, SystemDescription system) {
        this.catalog = catalog;
        this.system = system;
    }

    public record FrameworkView(String id, String name, String version, int controlCount) {
    }

    public record ControlView(String id, String title, String group, boolean applicable, String justification, List<String> related) {
    }

    @GET
    public List<FrameworkView> frameworks() {
        return catalog.frameworks().stream()
                .map(f -> new FrameworkView(f.id(), f.name(), f.version(), f.controls().size()))
                .toList();
    }

    @GET
    @Path("/{id}/controls")
    public List<ControlView> controls(@PathParam("id") String id) {
        Framework framework = catalog.framework(id)
                .orElseThrow(() -> Problem.Exception.of(404, "No such framework; known: iso27001, soc2, gdpr."));
        return framework.controls().stream().map(c -> {
            String exclusion = system.exclusionJustification(c.id()).orElse(null);
            return new ControlView(c.id(), c.title(), c.group(), exclusion == null, exclusion, catalog.related(c.id()));
        }).toList();
    }
}
