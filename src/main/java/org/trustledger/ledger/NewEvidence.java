package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.trustledger.tlog.Jcs;

/**
 * An evidence item before it joins the log: what a collector or a staff member states. The ledger
 * assigns the id, the index and collected_at. {@code observedAt} is for pushed evidence whose
 * observation happened before it reached us; null otherwise.
 */
public record NewEvidence(String collector, List<String> controls, String status, String summary, JsonNode payload,
        Instant observedAt) {

    public static final int MAX_SUMMARY = 500;
    public static final int MAX_CONTROLS = 200;
    public static final Set<String> STATUSES = Set.of("pass", "fail", "error");
    private static final Pattern COLLECTOR = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    public NewEvidence(String collector, List<String> controls, String status, String summary, JsonNode payload) {
        this(collector, controls, status, summary, payload, null);
    }

    /** One rejected field. */
    public record Violation(String field, String reason) {
    }

    /** Thrown by the ledger for an item that may not be appended; nothing is written. */
    public static final class InvalidEvidenceException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        public InvalidEvidenceException(List<Violation> violations) {
            super(violations.stream().map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** Every problem with this item; empty when it may be appended. */
    public List<Violation> violations(Predicate<String> knownControl) {
        List<Violation> out = new ArrayList<>();
        if (collector == null || !COLLECTOR.matcher(collector).matches()) {
            out.add(new Violation("collector", "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
        }
        if (controls == null || controls.isEmpty()) {
            out.add(new Violation("controls", "at least one control ID is required"));
        } else if (controls.size() > MAX_CONTROLS) {
            out.add(new Violation("controls", "at most " + MAX_CONTROLS + " control IDs"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < controls.size(); i++) {
                String c = controls.get(i);
                if (c == null || !knownControl.test(c)) {
                    out.add(new Violation("controls[" + i + "]", "unknown control ID"));
                } else if (!seen.add(c)) {
                    out.add(new Violation("controls[" + i + "]", "duplicate control ID"));
                }
            }
        }
        if (status == null || !STATUSES.contains(status)) {
            out.add(new Violation("status", "must be pass, fail or error"));
        }
        String summaryProblem = summaryProblem(summary);
        if (summaryProblem != null) {
            out.add(new Violation("summary", summaryProblem));
        }
        if (payload == null || !payload.isObject()) {
            out.add(new Violation("payload", "must be a JSON object"));
        } else {
            try {
                Jcs.canonicalize(payload);
            } catch (IllegalArgumentException e) {
                out.add(new Violation("payload", e.getMessage()));
            }
        }
        return out;
    }

    /** Throws {@link InvalidEvidenceException} unless the item may be appended. */
    public void requireValid(Predicate<String> knownControl) {
        List<Violation> v = violations(knownControl);
        if (!v.isEmpty()) {
            throw new InvalidEvidenceException(v);
        }
    }

    // One line means no control characters at all (that includes CR, LF, tab and DEL) and none of
    // the Unicode line or paragraph separators that some viewers break on.
    private static String summaryProblem(String s) {
        if (s == null || s.isBlank()) {
            return "is required";
        }
        if (s.length() > MAX_SUMMARY) {
            return "must be at most " + MAX_SUMMARY + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return "must be one line without control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }
}
