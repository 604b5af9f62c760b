package org.trustledger.staff;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceLog;

/**
 * Turns a verified OIDC identity into a TrustLedger staff account: maps the role claim, finds or creates the
 * account for the IdP's issuer and subject (no local password) and brings its roles in line with the IdP on every login.
 */
@ApplicationScoped
public class SsoLogin {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

    public sealed interface Outcome {
    }

    public record LoggedIn(StaffAccount account) implements Outcome {
    }

    /** No claim value maps to a TrustLedger role, or the account is disabled. */
    public record Refused(String reason) implements Outcome {
    }

    private final OidcLoginConfig config;
    private final GovernanceLog governance;
    private final Clock clock;

    public SsoLogin(OidcLoginConfig config, GovernanceLog governance, Clock clock) {
        this.config = config;
        this.governance = governance;
        this.clock = clock;
    }

    void validate(@Observes StartupEvent event) {
        for (Map.Entry<String, String> e : config.roles().entrySet()) {
            if (!Role.ALL.contains(e.getValue())) {
                throw new ConfigurationException("trustledger.oidc.roles.\"" + e.getKey() + "\": unknown role '" + e.getValue()
                        + "' (expected one of " + new TreeSet<>(Role.ALL) + ")");
            }
        }
    }

    /** The TrustLedger roles the claim value(s) map to. */
    public Set<String> mapRoles(Object claim) {
        Set<String> roles = new TreeSet<>();
        for (String value : claimValues(claim)) {
            String role = config.roles().get(value);
            if (role != null && Role.ALL.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Signs in the identity {@code subject} of {@code issuer} (the verified ID token's iss and sub). */
    @Transactional
    public Outcome login(String issuer, String subject, String preferredUsername, Set<String> roles) {
        if (roles.isEmpty()) {
            return new Refused("None of your identity provider groups grants access to TrustLedger.");
        }
        Optional<StaffAccount> existing = StaffAccount.findBySsoIdentity(issuer, subject);
        StaffAccount account;
        if (existing.isPresent()) {
            account = existing.get();
            if (!account.enabled) {
                return new Refused("This account is disabled.");
            }
            if (!account.roleSet().equals(roles)) {
                List<String> before = List.copyOf(new TreeSet<>(account.roleSet()));
                account.roles = new TreeSet<>(roles).toArray(String[]::new);
                governance.record(GovernanceLog.STAFF_ROLES_CHANGED, GovernanceLog.SYSTEM,
                        "staff:" + account.username, Map.of("before", before, "after", List.copyOf(new TreeSet<>(roles)), "via", "oidc"));
            }
        } else {
            String username = freeUsername(sanitize(preferredUsername, subject));
            account = new StaffAccount();
            account.username = username;
            account.ssoIssuer = issuer;
            account.ssoSubject = subject;
            account.roles = new TreeSet<>(roles).toArray(String[]::new);
            account.enabled = true;
            account.rolesReviewedAt = clock.instant();
            account.persistAndFlush();
            governance.record(GovernanceLog.STAFF_ACCOUNT_CREATED, GovernanceLog.SYSTEM, "staff:" + username,
                    Map.of("roles", List.copyOf(new TreeSet<>(roles)), "via", "oidc"));
        }
        account.lastLoginAt = clock.instant();
        return new LoggedIn(account);
    }

    /** A valid TrustLedger username from the IdP's preferred_username (or the subject when there is none). */
    static String sanitize(String preferredUsername, String subject) {
        String raw = preferredUsername == null || preferredUsername.isBlank() ? "sso-" + subject : preferredUsername;
        String s = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        s = s.replaceAll("^[^a-z0-9]+", "");
        if (s.length() > 56) {
            s = s.substring(0, 56);
        }
        if (s.length() < 2) {
            s = "sso-user" + s;
        }
        return s;
    }

    /** The name itself when free, else name-2, name-3, ...: an SSO login never takes over another account's name. */
    private static String freeUsername(String base) {
        String candidate = base;
        for (int n = 2; StaffAccount.findByUsername(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        if (!USERNAME.matcher(candidate).matches()) {
            throw new IllegalStateException("not a valid username: " + candidate);
        }
        return candidate;
    }

    private static List<String> claimValues(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim == null) {
            return values;
        }
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                values.add(v instanceof JsonString js ? js.getString() : v.toString());
            }
        } else if (claim instanceof JsonString js) {
            values.add(js.getString());
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> values.add(v instanceof JsonString js ? js.getString() : String.valueOf(v)));
        } else {
            values.add(String.valueOf(claim));
        }
        return values;
    }
}
