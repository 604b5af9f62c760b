package org.trustledger.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @Test
    void listsOnlyTheGivenExtensionsSortedByName(@TempDir Path dir) throws IOException {
        for (String name : List.of("b.yml", "a.yaml", "c.md", "README.md", "d.yaml.bak")) {
            Files.writeString(dir.resolve(name), "x: 1\n");
        }
        Files.createDirectory(dir.resolve("e.yaml"));
        assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("b.yml")), ConfigFiles.list(dir, List.of(".yaml", ".yml"), Set.of()));
        assertEquals(List.of(dir.resolve("c.md")), ConfigFiles.list(dir, List.of(".md"), Set.of("README.md")));
    }

    @Test
    void unreadableFilesAreProblemsOfThatFile(@TempDir Path dir) throws IOException {
        Problems problems = new Problems();
        Path missing = dir.resolve("missing.yaml");
        assertNull(ConfigFiles.read(missing, problems.in(missing)));
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertNull(ConfigFiles.read(latin1, problems.in(latin1)));
        assertEquals(List.of(missing + ": (document): file not found", latin1 + ": (document): not valid UTF-8"), problems.lines());
    }

    @Test
    void problemsKeepTheOrderFoundAcrossFilesAndBecomeOneException() {
        Problems problems = new Problems();
        Problems.In a = problems.in("a.yaml");
        Problems.In b = problems.in("b.yaml");
        a.add("id", "is required");
        b.add("", "empty document");
        a.add("controls[1]", "unknown control ID 'X'");
        assertEquals(2, a.count());
        ConfigFileException e = assertThrows(ConfigFileException.class, problems::throwIfAny);
        List<String> lines = List.of("a.yaml: id: is required", "b.yaml: (document): empty document",
                "a.yaml: controls[1]: unknown control ID 'X'");
        assertEquals(lines, e.problems());
        assertEquals(String.join("\n", lines), e.getMessage());
    }

    @Test
    void loadEachReportsEveryFileAndIdsUsedTwice(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "id: a\n");
        Files.writeString(dir.resolve("b.yaml"), "id: b\n");
        Files.writeString(dir.resolve("c.yaml"), "id: a\n");
        Files.writeString(dir.resolve("d.yaml"), "id: [unclosed\n");
        StrictYaml yaml = new StrictYaml();
        List<Path> files = ConfigFiles.list(dir, List.of(".yaml"), Set.of());
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> ConfigFiles.loadEach(files, yaml::readMapping, node -> node.get("id").asText()));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(dir.resolve("c.yaml") + ": id: duplicate id 'a', also defined in " + dir.resolve("a.yaml"), e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith(dir.resolve("d.yaml") + ": line 2, column 1: "), e.problems().get(1));

        Files.delete(dir.resolve("c.yaml"));
        Files.delete(dir.resolve("d.yaml"));
        assertEquals(List.of("a", "b"), ConfigFiles.loadEach(ConfigFiles.list(dir, List.of(".yaml"), Set.of()), yaml::readMapping,
                node -> node.get("id").asText()).stream().map(node -> node.get("id").asText()).toList());
    }

    @Test
    void atStartUpTheProblemsBecomeTheBareLinesQuarkusPrints() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ConfigFiles.loadAtStartup(() -> {
            throw new ConfigFileException(List.of("a.yaml: id: is required", "b.yaml: (document): empty document"));
        }));
        assertEquals("a.yaml: id: is required\nb.yaml: (document): empty document", e.getMessage());
        assertEquals("ok", ConfigFiles.loadAtStartup(() -> "ok"));
    }
}
