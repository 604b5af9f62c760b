package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** Configuration drift: SHA-256 of each file against its approved value; changed or missing files fail. */
@ApplicationScoped
public class FileBaselineCollector extends BaseCollectorType {

    public FileBaselineCollector() {
        super("file-baseline", Param.required("files", Param.Kind.STRING_MAP,
                "path (relative to the working directory) → approved SHA-256, 64 lowercase hex digits"));
    }

    static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        JsonNode files = params.get("files");
        if (files.isEmpty()) {
            problems.add("params.files", "must list at least one file");
        }
        for (Map.Entry<String, JsonNode> e : files.properties()) {
            try {
                Path.of(e.getKey());
            } catch (InvalidPathException ex) {
                problems.add("params.files." + e.getKey(), "not a valid path");
            }
            if (!SHA256_HEX.matcher(e.getValue().asText()).matches()) {
                problems.add("params.files." + e.getKey(), "'" + e.getValue().asText() + "' is not a SHA-256 (64 lowercase hex digits)");
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws IOException {
        ObjectNode payload = CollectorResult.object();
        ArrayNode list = payload.putArray("files");
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : d.params().get("files").properties()) {
            ObjectNode o = list.addObject();
            o.put("path", e.getKey());
            o.put("expected_sha256", e.getValue().asText());
            String actual;
            try {
                actual = sha256(Path.of(e.getKey()));
            } catch (NoSuchFileException ex) {
                o.put("state", "missing");
                missing.add(e.getKey());
                continue;
            }
            o.put("actual_sha256", actual);
            boolean same = actual.equals(e.getValue().asText());
            o.put("state", same ? "unchanged" : "changed");
            if (!same) {
                changed.add(e.getKey());
            }
        }
        payload.set("changed", CollectorResult.strings(changed));
        payload.set("missing", CollectorResult.strings(missing));
        if (changed.isEmpty() && missing.isEmpty()) {
            return CollectorResult.pass("all " + list.size() + " files match the approved baseline", payload);
        }
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("changed: " + String.join(", ", changed));
        }
        if (!missing.isEmpty()) {
            parts.add("missing: " + String.join(", ", missing));
        }
        return CollectorResult.fail("drift from the approved baseline; " + String.join("; ", parts), payload);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = Hashes.newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return Codec.toHex(md.digest());
    }
}
