package org.trustledger.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * {@code /staff}: the console's first page, for every staff role. What it shows depends on the roles (see
 * {@link Dashboard}); the "verify the ledger now" button posts to the ledger page's action, which checks its own roles.
 */
@Path("/staff")
public class DashboardPage {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance dashboard(Dashboard.View view);
    }

    private final Dashboard dashboard;
    private final SecurityIdentity identity;

    public DashboardPage(Dashboard dashboard, SecurityIdentity identity) {
        this.dashboard = dashboard;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        return Templates.dashboard(dashboard.view(Set.copyOf(identity.getRoles())));
    }
}
