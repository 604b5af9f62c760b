package org.trustledger.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one YAML reader: what it refuses and how each problem is worded. */
class StrictYamlTest {

    private final StrictYaml yaml = new StrictYaml();

    private List<String> problems(String text, int firstLine) {
        Problems problems = new Problems();
        assertNull(yaml.parseMapping(text, problems.in("f.yaml"), firstLine));
        return problems.lines();
    }

    @Test
    void duplicateKeysAreRefusedAtTheirFieldPath() {
        assertEquals(List.of("f.yaml: id: duplicate key (again at line 2, column 3)"), problems("id: a\nid: b\n", 1));
        assertEquals(List.of("f.yaml: items[1].name: duplicate key (again at line 4, column 9)"),
                problems("items:\n  - name: a\n  - name: b\n    name: c\n", 1));
    }

    @Test
    void aliasesAndMergeKeysAreRefused() {
        assertEquals(List.of("f.yaml: line 2, column 4: YAML aliases (*v) are not supported; write the value out in full"),
                problems("a: &v x\nb: *v\n", 1));
        assertEquals(List.of("f.yaml: line 2, column 3: YAML merge keys (<<) are not supported"),
                problems("a:\n  <<: {b: c}\n", 1));
    }

    @Test
    void syntaxErrorsNameTheLineOfTheFileNotOfTheFragment() {
        assertEquals(List.of("f.yaml: line 2, column 5: mapping values are not allowed here"), problems("a: b\nc: d: e\n", 1));
        // Front matter starts on line 2 of its file, after the opening ---.
        assertEquals(List.of("f.yaml: line 3, column 5: mapping values are not allowed here"), problems("a: b\nc: d: e\n", 2));
    }

    @Test
    void theDocumentMustBeAMapping() {
        assertEquals(List.of("f.yaml: (document): empty document"), problems("", 1));
        assertEquals(List.of("f.yaml: (document): expected a mapping, got a list"), problems("- a\n", 1));
    }

    @Test
    void aValidMappingParses() {
        Problems problems = new Problems();
        assertEquals("b", yaml.parseMapping("a: b\n", problems.in("f.yaml"), 1).get("a").asText());
        assertEquals(List.of(), problems.lines());
    }
}
