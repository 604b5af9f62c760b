package org.trustledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import org.trustledger.tlog.ChainHash;
import org.trustledger.tlog.ChainHashMismatchException;
import org.trustledger.tlog.CheckReport;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;

/**
 * The period's governance events, read as a stream: each line is {@code {"event":<JCS event>,"hash":…,"prev_hash":…}},
 * the events continue the chain from governance/head-before.json with consecutive seqs, and each hash is the chain
 * hash ({@link ChainHash}) of its event.
 */
final class GovernanceCheck {

    private static final String EVENTS = "governance/events.jsonl";
    private static final String PREFIX = "{\"event\":";
    private static final int SUFFIX = ",\"hash\":\"".length() + 64 + "\",\"prev_hash\":\"".length() + 64 + "\"}".length();

    private GovernanceCheck() {
    }

    static void check(JsonNode pkg, PackageIndex index, CheckReport report) throws IOException {
        int before = report.failures();
        byte[] headBytes = index.kept(PackageIndex.GOVERNANCE_HEAD);
        ZipEntry events = index.zip.getEntry(EVENTS);
        if (headBytes == null || events == null) {
            report.fail("governance", PackageIndex.GOVERNANCE_HEAD + " or " + EVENTS + " missing");
            return;
        }
        JsonNode head = PackageIndex.JSON.readTree(headBytes);
        long seq = head.path("size").asLong(-1);
        String prev = head.path("hash").asText();
        long count = 0;
        try (InputStream in = index.zip.getInputStream(events)) {
            Lines lines = new Lines(in);
            for (String line; (line = lines.next()) != null;) {
                if (line.isEmpty()) {
                    continue;
                }
                count++;
                try {
                    prev = link(line, seq, prev);
                } catch (BrokenLink e) {
                    report.fail(EVENTS + " line " + count, e.getMessage());
                    break;
                }
                seq++;
            }
        }
        long expected = pkg.path("governance").path("event_count").asLong(-1);
        if (report.failures() == before && expected != count) {
            report.fail("governance", count + " events, package.json says " + expected);
        }
        if (report.failures() == before) {
            String h = head.path("hash").asText();
            report.ok("governance chain: " + count + " events linked from head " + head.path("size").asText() + " ("
                    + h.substring(0, Math.min(12, h.length())) + "…)");
        }
    }

    /** Why an event line does not continue the chain. */
    private static final class BrokenLink extends Exception {
        private static final long serialVersionUID = 1L;

        BrokenLink(String why) {
            super(why, null, false, false);
        }
    }

    /** Checks that the event line with {@code seq} continues the chain from {@code prev}; returns its hash. */
    private static String link(String line, long seq, String prev) throws BrokenLink {
        if (!line.startsWith(PREFIX) || line.length() < PREFIX.length() + SUFFIX) {
            throw new BrokenLink("malformed");
        }
        String event = line.substring(PREFIX.length(), line.length() - SUFFIX);
        try {
            JsonNode tail = PackageIndex.JSON.readTree("{" + line.substring(line.length() - SUFFIX + 1));
            String hash = tail.path("hash").asText();
            byte[] canonical = event.getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(canonical, Jcs.canonicalize(event))) {
                throw new BrokenLink("event is not JCS canonical");
            }
            JsonNode ev = PackageIndex.JSON.readTree(canonical);
            if (ev.path("seq").asLong(-1) != seq) {
                throw new BrokenLink("has seq " + ev.path("seq").asText() + ", expected " + seq);
            }
            if (!tail.path("prev_hash").asText().equals(prev)) {
                throw new BrokenLink("(seq " + seq + ") prev_hash does not link to the previous event's hash");
            }
            try {
                ChainHash.verify(Codec.fromHex(prev, Hashes.SIZE), canonical, Codec.fromHex(hash, Hashes.SIZE));
            } catch (ChainHashMismatchException e) {
                throw new BrokenLink("(seq " + seq + ") hash is not SHA-256(prev_hash || JCS(event)): " + e.getMessage());
            }
            return hash;
        } catch (IOException | RuntimeException e) {
            throw new BrokenLink("malformed (" + e.getMessage() + ")");
        }
    }
}
