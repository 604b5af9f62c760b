package org.trustledger.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.trustledger.system.SystemDescription;

/**
 * {@code GET /api/v1/sub-processors.json}. Served straight from a Vert.x route with the bytes
 * prepared once per day: the feed is public, polled by every customer, and must stay cheap.
 */
@ApplicationScoped
public class SubProcessorFeedRoute {

    static final String PATH = "/api/v1/sub-processors.json";

    private record Rendered(LocalDate day, Buffer body, String etag) {
    }

    private final SystemDescription system;
    private final ObjectMapper json;
    private final Clock clock;
    private final int historyDays;
    private final AtomicReference<Rendered> cache = new AtomicReference<>();

    public SubProcessorFeedRoute(SystemDescription system, ObjectMapper json, Clock clock, TrustConfig config) {
        this.system = system;
        this.json = json;
        this.clock = clock;
        this.historyDays = config.subProcessorChangeHistoryDays();
    }

    void install(@Observes Router router) {
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
        router.route(PATH).handler(ctx -> {
            ctx.response().putHeader("Allow", "GET, HEAD");
            ctx.fail(405);
        });
    }

    private void serve(RoutingContext ctx) {
        Rendered r = current();
        var response = ctx.response()
                .putHeader("Cache-Control", "public, max-age=600")
                .putHeader("ETag", r.etag())
                .putHeader("Vary", "Accept-Encoding");
        if (EntityTags.matches(ctx.request().getHeader("If-None-Match"), r.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", "application/json");
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(r.body().length())).end();
        } else {
            response.end(r.body());
        }
    }

    Rendered current() {
        LocalDate today = LocalDate.now(clock);
        Rendered r = cache.get();
        if (r == null || !r.day().equals(today)) {
            r = render(today);
            cache.set(r);
        }
        return r;
    }

    private Rendered render(LocalDate today) {
        try {
            byte[] bytes = json.writeValueAsBytes(SubProcessorFeed.on(system, today, historyDays));
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
            return new Rendered(today, Buffer.buffer(bytes), etag);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
