package org.trustledger.staff;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/** The staff session cookie: HttpOnly, SameSite=Strict, Secure whenever the client came over TLS. */
final class SessionCookie {

    private SessionCookie() {
    }

    static NewCookie issue(String token, Duration lifetime, boolean secure) {
        return build(token, (int) lifetime.toSeconds(), secure);
    }

    static NewCookie expire(boolean secure) {
        return build("", 0, secure);
    }

    private static NewCookie build(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(StaffSessions.COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
