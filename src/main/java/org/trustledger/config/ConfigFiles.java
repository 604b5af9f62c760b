package org.trustledger.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Reading configuration files from disk: the directory listing, the text, and how a bad file stops start-up. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * The files of {@code dir} whose names end in one of {@code extensions} (such as {@code .md}), sorted by
     * name so problems and load order do not depend on the file system, leaving out the names in {@code except}.
     *
     * @throws ConfigFileException if the directory cannot be listed
     */
    public static List<Path> list(Path dir, List<String> extensions, Set<String> except) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return extensions.stream().anyMatch(name::endsWith) && !except.contains(name);
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConfigFileException(List.of(dir + ": cannot list: " + e.getMessage()));
        }
    }

    /** Reads one file into a value; returns null after reporting the file's problems. */
    @FunctionalInterface
    public interface FileLoader<T> {
        T load(Path file, Problems.In problems);
    }

    /**
     * Loads each of {@code files} in order, collecting every problem of every file. Ids must be unique
     * across the files: a later file reusing an id is a problem of that file.
     *
     * @throws ConfigFileException listing every problem found
     */
    public static <T> List<T> loadEach(List<Path> files, FileLoader<T> loader, Function<T, String> id) {
        Problems problems = new Problems();
        Map<String, Path> seen = new HashMap<>();
        List<T> loaded = new ArrayList<>();
        for (Path file : files) {
            Problems.In mine = problems.in(file);
            T value = loader.load(file, mine);
            if (value == null) {
                continue;
            }
            Path other = seen.putIfAbsent(id.apply(value), file);
            if (other != null) {
                mine.add("id", "duplicate id '" + id.apply(value) + "', also defined in " + other);
            } else {
                loaded.add(value);
            }
        }
        problems.throwIfAny();
        return List.copyOf(loaded);
    }

    /** The file's UTF-8 text with line ends made {@code \n}, or null after reporting why it cannot be read. */
    public static String read(Path file, Problems.In problems) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (NoSuchFileException e) {
            problems.add(Problems.DOCUMENT, "file not found");
        } catch (CharacterCodingException e) {
            problems.add(Problems.DOCUMENT, "not valid UTF-8");
        } catch (IOException e) {
            problems.add(Problems.DOCUMENT, "cannot read file: " + e);
        }
        return null;
    }

    /**
     * Runs a loader at start-up. Its {@link ConfigFileException} becomes a {@link ConfigurationException},
     * which Quarkus prints as the bare message: one problem per line, no stack trace.
     */
    public static <T> T loadAtStartup(Supplier<T> loader) {
        try {
            return loader.get();
        } catch (ConfigFileException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }
}
