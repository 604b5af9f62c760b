package org.trustledger.trust;

import java.time.Instant;
import java.util.List;

/** A published security advisory; {@code html} is the Markdown body rendered with raw HTML escaped. */
public record Advisory(String id, String title, String severity, String cvss, Instant published, Instant updated,
        List<String> affected, List<String> fixed, List<String> credits, String html) {
}
