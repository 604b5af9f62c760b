package org.trustledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Codec;

/**
 * The digests: every file against its sha256 and size in package.json, and SHA256SUMS (read as a stream) against the
 * digests of the pass, so that {@code sha256sum -c SHA256SUMS} and the verifier agree.
 */
final class SumsCheck {

    private static final Set<String> META = Set.of("package.json", "package.json.sig", "SHA256SUMS");
    private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64})  (.+)");
    private static final String SUMS = "SHA256SUMS";

    private SumsCheck() {
    }

    /** Every file against package.json: listed files are in the zip with their digest and size, and nothing else is. */
    static void files(PackageIndex index, List<String> paths, CheckReport report) {
        int good = 0;
        int before = report.failures();
        for (String path : paths) {
            FileState f = index.get(path);
            String where = "file " + path;
            if (!f.listed) {
                if (f.inZip && !META.contains(path)) {
                    report.fail(where, "in the zip but not listed in package.json");
                }
            } else if (!f.inZip) {
                report.fail(where, "listed in package.json but missing from the zip");
            } else if (!Arrays.equals(f.sha256, f.listedSha256)) {
                report.fail(where, "sha256 " + Codec.toHex(f.sha256) + " does not match package.json");
            } else if (f.size != f.listedSize) {
                report.fail(where, "size " + f.size + " does not match package.json");
            } else {
                good++;
            }
        }
        if (report.failures() == before) {
            report.ok("files: " + good + " files match their sha256 and size in package.json");
        }
    }

    /** SHA256SUMS lists every other file in the zip exactly once, each with its digest, and ends in a newline. */
    static void sums(PackageIndex index, List<String> paths, CheckReport report) throws IOException {
        ZipEntry entry = index.zip.getEntry(SUMS);
        if (entry == null) {
            report.fail(SUMS, "missing");
            return;
        }
        int before = report.failures();
        int matched = 0;
        Set<String> missing = new HashSet<>();
        Lines lines;
        try (InputStream in = index.zip.getInputStream(entry)) {
            lines = new Lines(in);
            for (String line; (line = lines.next()) != null;) {
                if (line.isEmpty()) {
                    continue;
                }
                Matcher m = SUM_LINE.matcher(line);
                if (!m.matches()) {
                    report.fail(SUMS, "malformed line '" + line + "'");
                    continue;
                }
                String path = m.group(2);
                FileState f = index.get(path);
                if (f == null || !f.inZip) {
                    report.fail(SUMS, path + (missing.add(path) ? " is missing from the zip" : " listed twice"));
                    continue;
                }
                if (f.inSums) {
                    report.fail(SUMS, path + " listed twice");
                    continue;
                }
                f.inSums = true;
                if (!Codec.toHex(f.sha256).equals(m.group(1))) {
                    report.fail(SUMS, path + " does not match its hash");
                } else {
                    matched++;
                }
            }
        }
        if (lines.endedWithoutNewline()) {
            report.fail(SUMS, "does not end in a newline");
        }
        for (String path : paths) {
            FileState f = index.get(path);
            if (f.inZip && !f.inSums && !path.equals(SUMS)) {
                report.fail(SUMS, path + " is not listed");
            }
        }
        if (report.failures() == before) {
            report.ok(SUMS + ": " + matched + " files match");
        }
    }
}
