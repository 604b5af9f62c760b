package org.trustledger.trust;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.trustledger.system.SystemDescription;
import org.trustledger.system.Vendor;

/**
 * The Art. 28(2) sub-processor list as customers see it on a given day: vendors in effect, and the
 * announced additions and removals they may object to. Only the fields below leave the building.
 */
public final class SubProcessorFeed {

    public record Document(String updatedAt, List<Entry> subProcessors, List<Change> changes) {
    }

    public record Entry(String id, String name, String url, String category, String dataAccess) {
    }

    public record Change(String id, String change, LocalDate announcedAt, LocalDate effectiveAt) {
    }

    private SubProcessorFeed() {
    }

    /**
     * @param historyDays how long a change stays listed after it took effect
     */
    public static Document on(SystemDescription system, LocalDate today, int historyDays) {
        List<Entry> current = system.subProcessorsEffectiveOn(today).stream()
                .map(v -> new Entry(v.id(), v.name(), v.url(), v.category(), v.dataAccess()))
                .toList();
        LocalDate oldest = today.minusDays(historyDays);
        List<Change> changes = new ArrayList<>();
        for (Vendor v : system.subProcessors()) {
            if (v.announcedAt() != null && !v.announcedAt().isAfter(today) && !v.effectiveAt().isBefore(oldest)) {
                changes.add(new Change(v.id(), "added", v.announcedAt(), v.effectiveAt()));
            }
            if (v.removalAnnouncedAt() != null && !v.removalAnnouncedAt().isAfter(today) && !v.removalEffectiveAt().isBefore(oldest)) {
                changes.add(new Change(v.id(), "removed", v.removalAnnouncedAt(), v.removalEffectiveAt()));
            }
        }
        changes.sort(Comparator.comparing(Change::effectiveAt).thenComparing(Change::id));
        LocalDate updated = Stream.concat(
                        Stream.of(system.lastReviewed()),
                        changes.stream().flatMap(c -> Stream.of(c.announcedAt(), c.effectiveAt())))
                .filter(d -> d != null && !d.isAfter(today))
                .max(Comparator.naturalOrder())
                .orElse(today);
        return new Document(updated.atStartOfDay().toInstant(ZoneOffset.UTC).toString(), current, List.copyOf(changes));
    }
}
