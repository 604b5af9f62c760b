package org.trustledger.privacy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A requester's email address as it is hashed: NFC-normalised, trimmed and lower-cased, so that the
 * same address typed twice (or searched for by staff) gives the same HMAC. Never logged, never stored.
 */
public final class EmailAddress {

    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
    public static final int MAX_BYTES = 254;

    // Dot-atom local part (RFC 5322 §3.2.3, with RFC 6531 UTF-8) and a host name of at least two labels.
    // Quoted local parts and address literals are legal but not worth the attack surface here.
    private static final Pattern ADDRESS = Pattern.compile(
            "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?$");

    private EmailAddress() {
    }

    /** Null when {@code raw} is acceptable, otherwise the reason (which never repeats the address). */
    public static String problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is required";
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        String email = normalise(raw);
        if (email.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes";
        }
        int at = email.indexOf('@');
        if (at < 1 || at > 64 || !ADDRESS.matcher(email).matches()) {
            return "is not a valid email address";
        }
        return null;
    }

    /** The canonical form that is hashed; call only on input {@link #problem} accepted. */
    public static String normalise(String raw) {
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
