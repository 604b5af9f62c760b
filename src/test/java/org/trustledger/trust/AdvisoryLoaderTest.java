package org.trustledger.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.config.ConfigFileException;

class AdvisoryLoaderTest {

    private static final String GOOD = """
            ---
            id: TL-2026-100
            title: Example
            severity: high
            cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
            published: 2026-05-01T10:00:00Z
            updated: 2026-05-02T10:00:00Z
            affected: ["app < 1.2"]
            fixed: ["app 1.2"]
            ---
            Body text.
            """;

    private static List<String> problems(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> new AdvisoryLoader().load(dir));
        return List.of(e.getMessage().split("\n"));
    }

    @Test
    void shippedAdvisoriesLoadNewestFirst() {
        List<Advisory> all = new AdvisoryLoader().load(Path.of("advisories"));
        assertEquals(List.of("TL-2026-002", "TL-2026-001"), all.stream().map(Advisory::id).toList());
        assertTrue(all.get(1).html().contains("<h2>Summary</h2>"));
    }

    @Test
    void eachBadFieldIsNamed(@TempDir Path dir) throws IOException {
        String f = dir.resolve("TL-2026-100.md").toString();
        assertEquals(List.of(f + ": colour: unknown field"), problems(dir, "TL-2026-100.md", GOOD.replace("title: Example", "title: Example\ncolour: red")));
        assertEquals(List.of(f + ": severity: must be one of none, low, medium, high, critical"),
                problems(dir, "TL-2026-100.md", GOOD.replace("severity: high", "severity: urgent")));
        assertEquals(List.of(f + ": cvss: not a CVSS 3.x or 4.0 vector"), problems(dir, "TL-2026-100.md", GOOD.replace("CVSS:3.1/", "CVSS:9/")));
        assertEquals(List.of(f + ": published: not an RFC 3339 UTC timestamp such as 2026-03-18T09:00:00Z"),
                problems(dir, "TL-2026-100.md", GOOD.replace("published: 2026-05-01T10:00:00Z", "published: yesterday")));
        assertEquals(List.of(f + ": updated: before published"),
                problems(dir, "TL-2026-100.md", GOOD.replace("updated: 2026-05-02", "updated: 2026-04-02")));
        assertEquals(List.of(f + ": affected: required field missing"), problems(dir, "TL-2026-100.md", GOOD.replace("affected: [\"app < 1.2\"]\n", "")));
        assertEquals(List.of(f + ": (body): the advisory text is empty"), problems(dir, "TL-2026-100.md", GOOD.replace("Body text.\n", "")));
        assertEquals(List.of(f + ": (document): must start with YAML front matter between two '---' lines"),
                problems(dir, "TL-2026-100.md", "# no front matter\n"));
    }

    @Test
    void idMustBeWellFormedAndMatchTheFile(@TempDir Path dir) throws IOException {
        assertEquals(List.of(dir.resolve("TL-2026-101.md") + ": id: must match the file name (TL-2026-100.md)"), problems(dir, "TL-2026-101.md", GOOD));
        Files.delete(dir.resolve("TL-2026-101.md"));
        assertEquals(List.of(dir.resolve("x.md") + ": id: must look like TL-YYYY-NNN"), problems(dir, "x.md", GOOD.replace("TL-2026-100", "CVE-1")));
    }

    @Test
    void rawHtmlIsEscapedAndUnsafeLinksDropped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("TL-2026-100.md"), GOOD.replace("Body text.",
                "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n[ok](https://example.com/a?b=\"c\")"));
        String html = new AdvisoryLoader().load(dir).get(0).html();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("href=\"https://example.com/a?b=&quot;c&quot;\""), html);
    }
}
