package org.trustledger.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trustledger.ledger.GovernanceLog;

/**
 * Keeps the governance event kinds listed in docs/ledger-format.md equal to the kinds the code records
 * (the {@code public static final String} constants of {@link GovernanceLog}), so an auditor reading the
 * format never meets an undocumented kind and the document never promises one that is not recorded.
 */
class LedgerFormatDocTest {

    private static final Path DOC = Path.of("docs", "ledger-format.md");
    private static final String START = "<!-- governance-event-kinds:start -->";
    private static final String END = "<!-- governance-event-kinds:end -->";
    /** A table row whose first cell is a kind in backticks: {@code | `login` | …}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9_]*)`\\s*\\|");
    /** Constants of GovernanceLog that are not kinds: {@code SYSTEM} is the actor of events the platform records itself. */
    private static final Set<String> NOT_KINDS = Set.of("SYSTEM");

    @Test
    void documentedKindsAreExactlyTheRecordedKinds() throws IOException {
        Set<String> documented = documentedKinds();
        Set<String> recorded = recordedKinds();

        Set<String> undocumented = new TreeSet<>(recorded);
        undocumented.removeAll(documented);
        Set<String> notRecorded = new TreeSet<>(documented);
        notRecorded.removeAll(recorded);

        assertTrue(undocumented.isEmpty() && notRecorded.isEmpty(), DOC + " and GovernanceLog disagree: recorded but not documented "
                + undocumented + ", documented but not recorded " + notRecorded);
        assertEquals(recorded, documented);
    }

    private static Set<String> documentedKinds() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, DOC + " must hold the kinds table between " + START + " and " + END);
        Set<String> kinds = new TreeSet<>();
        for (String line : doc.substring(start + START.length(), end).split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.find()) {
                assertTrue(kinds.add(m.group(1)), DOC + " lists the kind " + m.group(1) + " twice");
            }
        }
        assertTrue(!kinds.isEmpty(), DOC + ": no kinds found between the markers");
        return kinds;
    }

    private static Set<String> recordedKinds() {
        return Arrays.stream(GovernanceLog.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()))
                .filter(f -> f.getType() == String.class && !NOT_KINDS.contains(f.getName()))
                .map(LedgerFormatDocTest::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(f.getName(), e);
        }
    }
}
