package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustledger.common.DomainException;
import org.trustledger.ledger.GovernanceLog;

/** Checks a username and password, honouring the throttle, and opens a session on success. */
@ApplicationScoped
public class LoginService {

    public sealed interface Outcome {
    }

    public record LoggedIn(String sessionToken, StaffAccount account) implements Outcome {
    }

    public record Rejected() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
    }

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final StaffSessions sessions;
    private final Clock clock;
    private final GovernanceLog governance;
    private final StaffConfig config;

    // What a username can look like; anything else (a password typed into the wrong field, say) is
    // not written into the permanent governance chain.
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

    public LoginService(PasswordHasher hasher, LoginThrottle throttle, StaffSessions sessions, Clock clock, GovernanceLog governance,
            StaffConfig config) {
        this.config = config;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
        this.governance = governance;
    }

    public Outcome login(String rawUsername, String password, String clientIp) {
        if (!config.localLogin()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "Password sign-in is switched off (trustledger.staff.local-login=false).");
        }
        String username = rawUsername.trim().toLowerCase(Locale.ROOT);
        List<String> subjects = List.of(LoginThrottle.forAccount(username), LoginThrottle.forIp(clientIp));
        Optional<Duration> locked = throttle.lockedFor(subjects);
        if (locked.isPresent()) {
            return new Throttled(locked.get());
        }
        Optional<StaffAccount> account = verify(username, password);
        if (account.isEmpty()) {
            throttle.recordFailure(subjects);
            boolean plausible = USERNAME.matcher(username).matches();
            governance.record(GovernanceLog.LOGIN_FAILED, plausible ? username : "(not a valid username)", null,
                    Map.of("reason", "wrong_credentials"));
            return new Rejected();
        }
        throttle.clear(LoginThrottle.forAccount(username));
        String token = sessions.open(account.get());
        governance.record(GovernanceLog.LOGIN, account.get().username, null, Map.of());
        return new LoggedIn(token, account.get());
    }

    @Transactional
    Optional<StaffAccount> verify(String username, String password) {
        Optional<StaffAccount> found = StaffAccount.findByUsername(username).filter(a -> a.enabled);
        if (found.isEmpty()) {
            hasher.burnTime(password);
            return Optional.empty();
        }
        StaffAccount account = found.get();
        if (account.passwordHash == null) {
            // A single sign-on account has no local password.
            hasher.burnTime(password);
            return Optional.empty();
        }
        if (!hasher.matches(password, account.passwordHash)) {
            return Optional.empty();
        }
        account.lastLoginAt = clock.instant();
        return Optional.of(account);
    }

    /** Ends the session the cookie names, on the server, and records who logged out. */
    public void logout(io.vertx.core.http.Cookie cookie, io.quarkus.security.identity.SecurityIdentity identity) {
        if (cookie == null) {
            return;
        }
        sessions.close(cookie.getValue());
        if (!identity.isAnonymous()) {
            governance.record(GovernanceLog.LOGOUT, identity.getPrincipal().getName(), null, java.util.Map.of());
        }
    }
}
