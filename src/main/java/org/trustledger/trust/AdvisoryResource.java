package org.trustledger.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;
import org.trustledger.system.SystemDescription;
import org.trustledger.web.Problem;

/** Advisory pages and feeds. Feed documents are built once: advisories change only with a restart. */
@Path("/")
public class AdvisoryResource {

    @CheckedTemplate(basePath = "trust", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance advisories(String organisation, List<Advisory> advisories);

        static native TemplateInstance advisory(Advisory advisory);
    }

    private final AdvisoriesProducer.Advisories advisories;
    private final String organisation;
    private final String rss;
    private final String json;

    public AdvisoryResource(AdvisoriesProducer.Advisories advisories, SystemDescription system, PublicUrl url, ObjectMapper mapper) {
        this.advisories = advisories;
        this.organisation = system.organisation().name();
        this.rss = AdvisoryFeeds.rss(organisation, advisories.all(), url);
        try {
            this.json = mapper.writeValueAsString(AdvisoryFeeds.json(mapper, organisation, advisories.all(), url));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("advisories.xml")
    @Produces("application/rss+xml; charset=utf-8")
    public String rss() {
        return rss;
    }

    @GET
    @Path("advisories.json")
    @Produces("application/feed+json; charset=utf-8")
    public String json() {
        return json;
    }

    @GET
    @Path("advisories")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.advisories(organisation, advisories.all());
    }

    @GET
    @Path("advisories/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response advisory(@PathParam("id") String id) {
        return advisories.byId(id).map(a -> Response.ok(Templates.advisory(a)).build())
                .orElseThrow(() -> Problem.Exception.of(404, "No such advisory."));
    }
}
