package org.trustledger.staff;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Return URLs after login: only same-origin absolute paths survive; anything else goes to /staff. */
public final class SafeRedirect {

    public static final String FALLBACK = "/staff";

    private SafeRedirect() {
    }

    public static String of(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 2048) {
            return FALLBACK;
        }
        // Decode repeatedly so %2F%2Fevil or %252F... cannot smuggle a second slash or a scheme past the checks.
        String decoded = candidate;
        for (int i = 0; i < 3; i++) {
            String next;
            try {
                next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return FALLBACK;
            }
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        if (!isSafePath(candidate, 0x21) || !isSafePath(decoded, 0x20)) {
            return FALLBACK;
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return FALLBACK;
            }
        } catch (URISyntaxException e) {
            return FALLBACK;
        }
        return candidate;
    }

    /** Browsers drop tabs and newlines inside URLs, so any control character could hide a "//". */
    private static boolean isSafePath(String s, int lowestAllowed) {
        if (!s.startsWith("/") || s.startsWith("//") || s.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c < lowestAllowed || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
