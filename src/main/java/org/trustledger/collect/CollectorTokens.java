package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.trustledger.common.DomainException;

/**
 * Push tokens of one {@code pushed} collector (the per-collector tokens of {@link ServiceTokens}), as the collector API
 * and the collector's console page issue, list and revoke them: the checks live here so both refuse the same input.
 */
@ApplicationScoped
public class CollectorTokens {

    static final int MAX_LABEL = 100;
    static final int MAX_DAYS = 365;
    private static final Pattern NO_CONTROL = Pattern.compile("^[^\\p{Cntrl}]*$");

    private final CollectorRegistry registry;
    private final ServiceTokens tokens;
    private final CollectorsConfig config;

    public CollectorTokens(CollectorRegistry registry, ServiceTokens tokens, CollectorsConfig config) {
        this.registry = registry;
        this.tokens = tokens;
        this.config = config;
    }

    /** The lifetime a token gets when the request names none, in days. */
    public long defaultDays() {
        return config.tokenDefaultLifetime().toDays();
    }

    /**
     * A new token for the collector, its secret returned once. 404 unknown collector, 409 not a pushed one, invalid
     * label or days (1-365), unprocessable (422) beyond {@code trustledger.collectors.token-max-lifetime}.
     */
    public ServiceTokens.Issued issue(String collectorId, String label, Integer expiresInDays, String createdBy) {
        CollectorDefinition d = registry.requireType(collectorId, "pushed");
        String text = label == null ? "" : label.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("label", "is required");
        }
        if (text.length() > MAX_LABEL) {
            throw DomainException.invalid("label", "must be at most " + MAX_LABEL + " characters");
        }
        if (!NO_CONTROL.matcher(text).matches()) {
            throw DomainException.invalid("label", "must not contain control characters");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw DomainException.invalid("expires_in_days", expiresInDays < 1 ? "must be at least 1" : "must be at most " + MAX_DAYS);
        }
        Duration lifetime = expiresInDays == null ? config.tokenDefaultLifetime() : Duration.ofDays(expiresInDays);
        if (lifetime.compareTo(config.tokenMaxLifetime()) > 0) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "The token lifetime is too long.",
                    List.of(new DomainException.Violation("expires_in_days", "must be at most " + config.tokenMaxLifetime().toDays())));
        }
        return tokens.issue(d.id(), text, lifetime, createdBy);
    }

    /** The collector's tokens, oldest first (never their secrets). */
    public List<ServiceTokens.TokenView> list(String collectorId) {
        return tokens.list(registry.require(collectorId).id());
    }

    /** Revokes one of the collector's tokens; 404 when the collector has no such token. Revoking twice keeps the first revocation. */
    public ServiceTokens.TokenView revoke(String collectorId, long tokenId, String by) {
        return tokens.revoke(registry.require(collectorId).id(), tokenId, by)
                .orElseThrow(() -> DomainException.notFound("No such token for this collector."));
    }
}
