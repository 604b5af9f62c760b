package org.trustledger.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A Statement of Applicability (or SOC 2 criteria status) as a print document. {@code internal} adds what only
 * staff and auditors see: each collector's latest summary and the ledger index of its evidence.
 */
public record SoaView(String title, String organisation, String frameworkName, String frameworkVersion, LocalDate generatedOn,
        boolean internal, List<Group> groups, int applicable, int total) {

    public record Group(String name, List<Row> controls) {
    }

    public record Row(String id, String title, boolean applicable, String justification, List<Evidence> evidence, List<String> policies) {
    }

    public record Evidence(String collector, String description, String status, Instant collectedAt, String summary, Long evidenceIndex) {
    }
}
