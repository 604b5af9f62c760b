package org.trustledger.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one load, possibly over several files, as {@code <file>: <field path>: <reason>}
 * lines in the order found, so one start-up shows them all.
 */
public final class Problems {
    /** Path used for problems about a file as a whole. */
    public static final String DOCUMENT = "(document)";

    private final List<String> lines = new ArrayList<>();

    /** The problems of one file, named in each line as {@code file} prints. */
    public In in(Object file) {
        return new In(String.valueOf(file));
    }

    /** Adds a problem that concerns no field, such as a missing directory. */
    public void add(Object where, String reason) {
        lines.add(where + ": " + reason);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Throws a {@link ConfigFileException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new ConfigFileException(lines);
        }
    }

    /** Path of a field inside the mapping at {@code path}. */
    public static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Path of a list entry inside the list at {@code path}. */
    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** Where the problems of one file go. */
    public final class In {
        private final String file;
        private int count;

        private In(String file) {
            this.file = file;
        }

        /** Adds {@code <file>: <path>: <reason>}; an empty path means the whole file. */
        public void add(String path, String reason) {
            count++;
            lines.add(file + ": " + (path == null || path.isEmpty() ? DOCUMENT : path) + ": " + reason);
        }

        /** How many problems this file has had so far. */
        public int count() {
            return count;
        }

        public boolean isEmpty() {
            return count == 0;
        }

        public String file() {
            return file;
        }
    }
}
