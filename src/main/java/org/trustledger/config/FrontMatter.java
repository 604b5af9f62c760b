package org.trustledger.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A Markdown file that starts with YAML front matter between two {@code ---} lines, split into the two.
 *
 * @param yaml the front matter, without the {@code ---} lines
 * @param body the text after the closing {@code ---} line
 */
public record FrontMatter(String yaml, String body) {

    /** The front matter starts on the file's second line, after the opening {@code ---}. */
    public static final int FIRST_LINE = 2;

    /**
     * A Markdown file whose front matter has been parsed.
     *
     * @param fields the front matter, a YAML mapping
     * @param body the text after the closing {@code ---} line
     */
    public record Document(ObjectNode fields, String body) {
    }

    /** Reads {@code file}, splits it and parses its front matter; null after reporting why that failed. */
    public static Document read(Path file, StrictYaml yaml, Problems.In problems) {
        String text = ConfigFiles.read(file, problems);
        FrontMatter split = text == null ? null : split(text, problems);
        ObjectNode fields = split == null ? null : yaml.parseMapping(split.yaml(), problems, FIRST_LINE);
        return fields == null ? null : new Document(fields, split.body());
    }

    /** Splits {@code text} (line ends already {@code \n}); null after reporting that it has no front matter. */
    public static FrontMatter split(String text, Problems.In problems) {
        int firstEnd = text.indexOf('\n');
        if (firstEnd >= 0 && text.substring(0, firstEnd).strip().equals("---")) {
            int start = firstEnd + 1;
            for (int at = start; at < text.length();) {
                int end = text.indexOf('\n', at);
                int lineEnd = end < 0 ? text.length() : end;
                if (text.substring(at, lineEnd).strip().equals("---")) {
                    return new FrontMatter(text.substring(start, at), end < 0 ? "" : text.substring(end + 1));
                }
                at = lineEnd + 1;
            }
        }
        problems.add(Problems.DOCUMENT, "must start with YAML front matter between two '---' lines");
        return null;
    }
}
