package org.trustledger.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@example.org", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x_y-z@xn--mller-kva.de",
            "jürgen@müller.de", "  Padded@Example.ORG  ", "1234567890@example.com"})
    void accepts(String email) {
        assertNull(EmailAddress.problem(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plain", "a@b", "@example.org", "a@", "a@@example.org", "a b@example.org", "a..b@example.org",
            ".a@example.org", "a.@example.org", "a@-example.org", "a@example-.org", "a@example..org", "<script>@example.org",
            "a@example.org>", "\"quoted\"@example.org", "a@[127.0.0.1]", "a@exa mple.org", "a,b@example.org"})
    void rejectsBadSyntax(String email) {
        assertNotNull(EmailAddress.problem(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000@example.org", "a@example.org\n", "a\t@example.org", "a@exam\u0007ple.org", "\u001b[31ma@example.org"})
    void rejectsControlCharacters(String email) {
        assertEquals("must not contain control characters", EmailAddress.problem(email));
    }

    @Test
    void lengthLimitsInBytes() {
        String local = "a".repeat(64);
        String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e" + ".org";
        String max = local + "@" + domain;
        assertEquals(253, max.length());
        assertNull(EmailAddress.problem(max));
        assertEquals("must be at most 254 bytes", EmailAddress.problem(local + "@" + domain + "x.org"));
        assertNotNull(EmailAddress.problem("a".repeat(65) + "@example.org"), "local part over 64");
        assertNull(EmailAddress.problem("ü".repeat(20) + "@example.org"));
        assertEquals("must be at most 254 bytes", EmailAddress.problem("ü".repeat(125) + "@example.org"), "counted in UTF-8 bytes");
    }

    @Test
    void normalisesCaseSpaceAndUnicodeForm() {
        assertEquals("alice@example.org", EmailAddress.normalise("  Alice@EXAMPLE.org "));
        // "ü" precomposed and as u + combining diaeresis hash the same.
        assertEquals(EmailAddress.normalise("j\u00fcrgen@example.de"), EmailAddress.normalise("ju\u0308rgen@example.de"));
    }
}
