package org.trustledger.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.SystemDescriptionLoader;

/** The feed's Art. 28(2) logic on fixed dates, independent of today's date. */
class SubProcessorFeedTest {

    private static final ControlCatalog CATALOG = ControlCatalog.loadFromClasspath();

    private static SystemDescription sample() {
        return new SystemDescriptionLoader().load(Path.of("system/system-description.yaml"), CATALOG::isKnown, LocalDate.of(2026, 11, 25));
    }

    private static List<String> ids(SubProcessorFeed.Document d) {
        return d.subProcessors().stream().map(SubProcessorFeed.Entry::id).toList();
    }

    @Test
    void announcedAdditionIsAChangeBeforeItIsListed() {
        SystemDescription sd = sample();
        SubProcessorFeed.Document before = SubProcessorFeed.on(sd, LocalDate.of(2026, 11, 25), 90);
        assertFalse(ids(before).contains("deepl"));
        assertEquals(List.of(new SubProcessorFeed.Change("deepl", "added", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 10))),
                before.changes());
        assertEquals("2026-11-12T00:00:00Z", before.updatedAt(), "last_reviewed is the newest past date");

        SubProcessorFeed.Document effective = SubProcessorFeed.on(sd, LocalDate.of(2026, 12, 10), 90);
        assertTrue(ids(effective).contains("deepl"));
        assertEquals(1, effective.changes().size(), "still shown as a recent change");
        assertEquals("2026-12-10T00:00:00Z", effective.updatedAt());

        SubProcessorFeed.Document later = SubProcessorFeed.on(sd, LocalDate.of(2027, 6, 1), 90);
        assertTrue(later.changes().isEmpty(), "history window passed");
    }

    @Test
    void notYetAnnouncedChangesAreInvisible() {
        SubProcessorFeed.Document d = SubProcessorFeed.on(sample(), LocalDate.of(2026, 11, 1), 90);
        assertTrue(d.changes().isEmpty());
        assertFalse(ids(d).contains("deepl"));
    }

    @Test
    void onlySubProcessorsAreListed() {
        SubProcessorFeed.Document d = SubProcessorFeed.on(sample(), LocalDate.of(2026, 11, 25), 90);
        assertEquals(List.of("aws", "aiven", "postmark", "sentry", "helpscout"), ids(d));
    }

    @Test
    void announcedRemovalStaysListedUntilEffective(@TempDir Path dir) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode tree = (ObjectNode) yaml.readTree(Path.of("system/system-description.yaml").toFile());
        ((ObjectNode) tree.withArray("/vendors").get(0)).put("removal_announced_at", "2026-11-20").put("removal_effective_at", "2027-01-31");
        Path file = dir.resolve("sd.yaml");
        Files.writeString(file, yaml.writeValueAsString(tree));
        SystemDescription sd = new SystemDescriptionLoader().load(file, CATALOG::isKnown, LocalDate.of(2026, 11, 25));

        SubProcessorFeed.Document before = SubProcessorFeed.on(sd, LocalDate.of(2026, 11, 25), 90);
        assertTrue(ids(before).contains("aws"));
        assertTrue(before.changes().contains(new SubProcessorFeed.Change("aws", "removed", LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 31))));
        SubProcessorFeed.Document after = SubProcessorFeed.on(sd, LocalDate.of(2027, 1, 31), 90);
        assertFalse(ids(after).contains("aws"));
    }
}
