package org.trustledger.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlCatalogTest {

    private final ControlCatalog catalog = ControlCatalog.loadFromClasspath();

    private List<Control> controls(String framework) {
        return catalog.framework(framework).orElseThrow().controls();
    }

    @Test
    void iso27001AnnexAHas93ControlsInFourThemes() {
        List<Control> iso = controls("iso27001");
        assertEquals(93, iso.size());
        Map<String, Long> byTheme = iso.stream().collect(Collectors.groupingBy(c -> c.id().substring(9, 12), Collectors.counting()));
        assertEquals(Map.of("A.5", 37L, "A.6", 8L, "A.7", 14L, "A.8", 34L), byTheme);
        // Dense numbering within each theme: A.5.1..A.5.37, A.6.1..A.6.8, A.7.1..A.7.14, A.8.1..A.8.34.
        for (var e : Map.of("A.5", 37, "A.6", 8, "A.7", 14, "A.8", 34).entrySet()) {
            for (int i = 1; i <= e.getValue(); i++) {
                assertTrue(catalog.isKnown("ISO27001:" + e.getKey() + "." + i), e.getKey() + "." + i);
            }
        }
    }

    @Test
    void soc2Has43CriteriaOfTheFourCategories() {
        List<Control> soc2 = controls("soc2");
        assertEquals(43, soc2.size());
        Map<String, Long> bySeries = soc2.stream().collect(Collectors.groupingBy(c -> c.id().substring(5, c.id().indexOf('.')),
                Collectors.counting()));
        assertEquals(Map.ofEntries(Map.entry("CC1", 5L), Map.entry("CC2", 3L), Map.entry("CC3", 4L), Map.entry("CC4", 2L),
                Map.entry("CC5", 3L), Map.entry("CC6", 8L), Map.entry("CC7", 5L), Map.entry("CC8", 1L), Map.entry("CC9", 2L),
                Map.entry("A1", 3L), Map.entry("C1", 2L), Map.entry("PI1", 5L)), bySeries);
        assertTrue(soc2.stream().noneMatch(c -> c.id().startsWith("SOC2:P") && !c.id().startsWith("SOC2:PI")), "privacy criteria are out of scope");
    }

    @Test
    void gdprHas31ArticlesOfChaptersTwoToFive() {
        List<Control> gdpr = controls("gdpr");
        assertEquals(31, gdpr.size());
        Set<Integer> articles = gdpr.stream().map(c -> Integer.parseInt(c.id().substring("GDPR:Art.".length()))).collect(Collectors.toSet());
        assertTrue(articles.stream().allMatch(a -> a >= 5 && a <= 49), articles.toString());
        assertTrue(articles.containsAll(Set.of(5, 6, 7, 12, 15, 17, 25, 28, 30, 32, 33, 34, 35, 44, 46)));
    }

    @Test
    void idsAreUniqueAndSpelledOneWay() {
        Set<String> seen = new HashSet<>();
        for (Framework f : catalog.frameworks()) {
            for (Control c : f.controls()) {
                assertTrue(seen.add(c.id()), "duplicate " + c.id());
                assertTrue(c.id().matches("ISO27001:A\\.[5-8]\\.\\d{1,2}|SOC2:(CC\\d|A1|C1|PI1)\\.\\d|GDPR:Art\\.\\d{1,2}"), c.id());
                assertTrue(!c.title().isBlank() && !c.group().isBlank(), c.id());
            }
        }
        assertEquals(93 + 43 + 31, seen.size());
    }

    @Test
    void crosswalkIsSymmetricAndOnlyNamesKnownControls() {
        int links = 0;
        for (Framework f : catalog.frameworks()) {
            for (Control c : f.controls()) {
                for (String r : catalog.related(c.id())) {
                    assertTrue(catalog.isKnown(r), r);
                    assertTrue(catalog.related(r).contains(c.id()), c.id() + " <-> " + r);
                    links++;
                }
            }
        }
        assertTrue(links > 100, "crosswalk has " + links + " directed links");
        assertTrue(catalog.related("ISO27001:A.5.1").contains("SOC2:CC5.3"));
        assertTrue(catalog.related("GDPR:Art.33").contains("ISO27001:A.5.24"));
    }

    @Test
    void naturalIdOrder() {
        assertTrue(ControlCatalog.compareIds("ISO27001:A.5.2", "ISO27001:A.5.10") < 0);
        assertTrue(ControlCatalog.compareIds("SOC2:CC1.5", "SOC2:CC2.1") < 0);
        assertTrue(ControlCatalog.compareIds("GDPR:Art.9", "GDPR:Art.10") < 0);
    }
}
