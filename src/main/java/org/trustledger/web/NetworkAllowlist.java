package org.trustledger.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * Optional CIDR allowlists for staff and service-account routes ({@link Routes}), enforced on the
 * resolved client IP ({@link ClientIp}) right after the security headers are installed, so a request
 * from another network is refused before any credential (session cookie, password, bearer token) is
 * looked at. An empty list means no restriction.
 */
@ApplicationScoped
public class NetworkAllowlist {

    /** Right after {@link HttpHardening}'s security-headers handler, before the body limit and authentication. */
    static final int ORDER = Integer.MIN_VALUE + 1;

    private final ClientIp clientIp;
    private final List<Cidr> staff;
    private final List<Cidr> service;

    public NetworkAllowlist(HttpConfig config, ClientIp clientIp) {
        this.clientIp = clientIp;
        this.staff = parse(config.staffAllowlist());
        this.service = parse(config.serviceAllowlist());
    }

    private static List<Cidr> parse(Optional<List<String>> cidrs) {
        return cidrs.orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    void install(@Observes Router router) {
        if (!staff.isEmpty() || !service.isEmpty()) {
            router.route().order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        List<Cidr> allowed = switch (Routes.classify(ctx.request().method().name(), ctx.normalizedPath())) {
            case STAFF -> staff;
            case SERVICE -> service;
            case PUBLIC -> List.of();
        };
        if (allowed.isEmpty()) {
            ctx.next();
            return;
        }
        String ip = clientIp.resolve(ctx.request());
        if (allowed.stream().anyMatch(c -> c.contains(ip))) {
            ctx.next();
            return;
        }
        ProblemWriter.write(ctx.response(), Problem.of(403, "Not allowed from this network."));
    }
}
