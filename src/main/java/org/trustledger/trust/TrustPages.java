package org.trustledger.trust;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.trustledger.controls.Framework;
import org.trustledger.ledger.CheckpointStore;
import org.trustledger.ledger.HashLookup;
import org.trustledger.ledger.LedgerCheckpoints;
import org.trustledger.ledger.LedgerKeys;
import org.trustledger.ledger.LedgerManifests;
import org.trustledger.ledger.ManifestSealer;
import org.trustledger.system.Organisation;
import org.trustledger.system.SystemDescription;
import org.trustledger.tlog.Codec;
import org.trustledger.web.Problem;

/** The public trust center pages. They work without JavaScript and show only what {@link PublicControl} allows. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TrustPages {

    @CheckedTemplate(basePath = "trust", requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance overview(Organisation organisation, List<TrustCenter.FrameworkSummary> frameworks,
                int subProcessorCount, int pendingChanges, List<Advisory> latestAdvisories, CheckpointStore.Issued checkpoint, String keyId,
                String lastSealed);

        static native TemplateInstance verify(String query, String error, HashLookup.Verification result, String publicUrl);

        static native TemplateInstance compliance(Organisation organisation, Framework framework, List<TrustCenter.ControlGroup> groups,
                int applicable, int total, org.trustledger.collect.Coverage.Totals totals);

        static native TemplateInstance subProcessors(Organisation organisation, SubProcessorFeed.Document feed, List<ChangeLine> changes,
                int noticeDays);
    }

    /** A feed change in words, with the vendor's name and the right tense for today. */
    public record ChangeLine(String id, String name, String text, LocalDate effectiveAt, LocalDate announcedAt) {
    }

    private final TrustCenter trust;
    private final SystemDescription system;
    private final AdvisoriesProducer.Advisories advisories;
    private final TrustConfig config;
    private final Clock clock;
    private final HashLookup lookup;
    private final LedgerCheckpoints checkpoints;
    private final LedgerKeys keys;
    private final LedgerManifests manifests;
    private final PublicUrl url;
    private final org.trustledger.reports.SoaRenderer soa;

    public TrustPages(TrustCenter trust, SystemDescription system, AdvisoriesProducer.Advisories advisories, TrustConfig config, Clock clock,
            HashLookup lookup, LedgerCheckpoints checkpoints, LedgerKeys keys, LedgerManifests manifests, PublicUrl url,
            org.trustledger.reports.SoaRenderer soa) {
        this.soa = soa;
        this.trust = trust;
        this.system = system;
        this.advisories = advisories;
        this.config = config;
        this.clock = clock;
        this.lookup = lookup;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.manifests = manifests;
        this.url = url;
    }

    @GET
    public TemplateInstance overview() {
        SubProcessorFeed.Document feed = feed();
        LocalDate today = LocalDate.now(clock);
        List<ManifestSealer.Manifest> recent = manifests.list(today.minusDays(31), today);
        String lastSealed = recent.isEmpty() ? null : recent.get(recent.size() - 1).day().toString();
        return Templates.overview(system.organisation(), trust.frameworks(), feed.subProcessors().size(), feed.changes().size(),
                advisories.all().stream().limit(3).toList(), checkpoints.latest(), keys.current().keyId(), lastSealed);
    }

    /** Paste a SHA-256, see whether the log holds it: a plain GET form, so it works without JavaScript. */
    @GET
    @Path("verify")
    public Response verify(@QueryParam("sha256") String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return Response.ok(Templates.verify("", null, null, url.of(""))).build();
        }
        String q = sha256.trim().toLowerCase(java.util.Locale.ROOT);
        if (!q.matches("[0-9a-f]{64}")) {
            String shown = sha256.length() > 80 ? sha256.substring(0, 80) + "…" : sha256;
            return Response.status(400).entity(Templates.verify(shown, "A SHA-256 is exactly 64 hexadecimal characters (0-9, a-f).", null,
                    url.of(""))).build();
        }
        return Response.ok(Templates.verify(q, null, lookup.lookup(Codec.fromHex(q, 32)), url.of(""))).build();
    }

    @GET
    @Path("compliance/{framework}")
    public TemplateInstance compliance(@PathParam("framework") String id) {
        Framework framework = trust.framework(id).orElseThrow(() -> Problem.Exception.of(404, "No such framework; known: iso27001, soc2, gdpr."));
        TrustCenter.FrameworkSummary summary = trust.frameworks().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        return Templates.compliance(system.organisation(), framework, trust.controls(framework), summary.applicable(), summary.total(),
                trust.totals(id).orElse(null));
    }

    /** The public SoA as a print document: statuses and dates, no evidence summaries or ledger internals. */
    @GET
    @Path("compliance/{framework}/soa.html")
    public Response soaDocument(@PathParam("framework") String id) {
        byte[] html = soa.render(id, false).orElseThrow(() -> Problem.Exception.of(404, "No such framework; known: iso27001, soc2, gdpr."));
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"soa-" + id + ".html\"")
                .build();
    }

    @GET
    @Path("sub-processors")
    public TemplateInstance subProcessors() {
        LocalDate today = LocalDate.now(clock);
        SubProcessorFeed.Document feed = feed();
        List<ChangeLine> lines = feed.changes().stream().map(c -> {
            boolean past = !c.effectiveAt().isAfter(today);
            String verb = "added".equals(c.change()) ? (past ? "was added" : "will be added") : (past ? "was removed" : "will be removed");
            String name = system.vendor(c.id()).map(v -> v.name()).orElse(c.id());
            return new ChangeLine(c.id(), name, verb, c.effectiveAt(), c.announcedAt());
        }).toList();
        return Templates.subProcessors(system.organisation(), feed, lines, system.organisation().noticeDays());
    }

    private SubProcessorFeed.Document feed() {
        return SubProcessorFeed.on(system, LocalDate.now(clock), config.subProcessorChangeHistoryDays());
    }
}
