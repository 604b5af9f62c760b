package org.trustledger.policies;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A policy document: front matter of a Markdown file in {@code policies/}; the body is the policy text. */
public record Policy(String id, String title, String version, String owner, LocalDate approvedAt, int reviewIntervalDays,
        List<String> controls, Path file) {

    public Policy {
        controls = List.copyOf(controls);
    }

    /** The last day on which the current approval still counts as reviewed. */
    public LocalDate reviewDue() {
        return approvedAt.plusDays(reviewIntervalDays);
    }

    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(reviewDue());
    }
}
