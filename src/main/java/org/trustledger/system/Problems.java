package org.trustledger.system;

import java.util.ArrayList;
import java.util.List;

/** Collects problems as {@code <source>: <path>: <reason>} lines. */
final class Problems {
    /** Path used for problems about the document as a whole. */
    static final String DOCUMENT = "(document)";

    private final String source;
    private final List<String> lines = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(String path, String reason) {
        lines.add(source + ": " + (path == null || path.isEmpty() ? DOCUMENT : path) + ": " + reason);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
