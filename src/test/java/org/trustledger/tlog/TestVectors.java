package org.trustledger.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads vectors from src/test/resources/ledger (see the README there for sources). */
final class TestVectors {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestVectors() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/ledger/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static JsonNode json(String resource) {
        try {
            return JSON.readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(String resource) {
        try {
            return Path.of(TestVectors.class.getResource("/ledger/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode integrity() {
        return json("integrity-vectors.json");
    }

    /** The 8 RFC 6962 test leaves' hashes. */
    static List<byte[]> rfc6962LeafHashes() {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode n : integrity().path("rfc6962").path("leafInputsHex")) {
            out.add(Hashes.leafHash(Codec.fromHex(n.asText())));
        }
        return out;
    }

    static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(Codec.fromHex(n.asText(), Hashes.SIZE));
        }
        return out;
    }

    /** Non-comment lines of a text resource. */
    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        for (String l : text(resource).split("\n")) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }
}
