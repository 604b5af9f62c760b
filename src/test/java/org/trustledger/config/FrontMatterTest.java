package org.trustledger.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void splitsFrontMatterFromTheBody() {
        Problems problems = new Problems();
        FrontMatter fm = FrontMatter.split("---\nid: a\ntitle: b\n---\n# Body\n\ntext\n", problems.in("p.md"));
        assertEquals(new FrontMatter("id: a\ntitle: b\n", "# Body\n\ntext\n"), fm);
        assertEquals(new FrontMatter("id: a\n", ""), FrontMatter.split("---\nid: a\n---", problems.in("p.md")));
        assertEquals(List.of(), problems.lines());
    }

    @Test
    void aFileWithoutFrontMatterIsOneProblem() {
        for (String text : List.of("# No front matter\n", "---\nid: a\n", "", "id: a\n---\n")) {
            Problems problems = new Problems();
            assertNull(FrontMatter.split(text, problems.in("p.md")), text);
            assertEquals(List.of("p.md: (document): must start with YAML front matter between two '---' lines"), problems.lines());
        }
    }
}
