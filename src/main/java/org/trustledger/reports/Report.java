package org.trustledger.reports;

import java.time.Instant;

/** Metadata of one rendered report; the HTML itself is fetched separately. */
public record Report(long id, String kind, String subject, String period, Instant generatedAt, String generatedBy, String sha256,
        int size) {
}
