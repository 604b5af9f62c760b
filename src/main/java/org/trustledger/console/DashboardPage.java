package org.trustledger.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /staff}: the console's first page, for every staff role. */
@Path("/staff")
public class DashboardPage {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance dashboard();
    }

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        return Templates.dashboard();
    }
}
