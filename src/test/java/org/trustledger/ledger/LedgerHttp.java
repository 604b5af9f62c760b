package org.trustledger.ledger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** HTTP helpers shared by the ledger's @QuarkusTest classes. */
final class LedgerHttp {

    private LedgerHttp() {
    }

    static Map<String, Object> evidence(String summary, Map<String, ?> payload) {
        return Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1", "GDPR:Art.32"), "status", "pass",
                "summary", summary, "payload", payload);
    }

    static Response submit(String session, Object body) {
        return given().cookie("tl_session", session).contentType(ContentType.JSON).body(body).post("/api/v1/evidence");
    }

    /** Tree size from the signed checkpoint's text. */
    static long treeSize() {
        String note = given().get("/api/v1/checkpoint").then().statusCode(200).extract().asString();
        return Long.parseLong(note.split("\n")[1]);
    }

    static String checkpointNote() {
        return new String(given().get("/api/v1/checkpoint").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    /** All leaves [0, size) via the entries API, in pages of 1000. */
    static List<byte[]> canonicalLeaves(String session, long size) {
        List<byte[]> out = new ArrayList<>();
        for (long start = 0; start < size; start += 1000) {
            List<Map<String, Object>> page = given().cookie("tl_session", session)
                    .queryParam("start", start).queryParam("end", Math.min(size, start + 1000))
                    .get("/api/v1/ledger/entries").then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> e : page) {
                if (((Number) e.get("index")).longValue() != out.size()) {
                    throw new AssertionError("entries out of order at " + out.size());
                }
                byte[] canonical = Base64.getDecoder().decode((String) e.get("canonical"));
                if (!Codec.toHex(Hashes.leafHash(canonical)).equals(e.get("leaf_hash"))) {
                    throw new AssertionError("leaf_hash of entry " + e.get("index") + " is not SHA-256(0x00 || canonical)");
                }
                out.add(canonical);
            }
        }
        return out;
    }

    static List<byte[]> unhex(List<String> hex) {
        return hex.stream().map(h -> Codec.fromHex(h, 32)).toList();
    }
}
