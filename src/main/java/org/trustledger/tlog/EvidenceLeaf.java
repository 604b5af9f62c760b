package org.trustledger.tlog;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The leaf bytes of an evidence item: RFC 8785 (JCS) of
 * <pre>
 * {"collected_at":"2026-11-25T21:34:53.120Z","collector":"manual","controls":["GDPR:Art.32","ISO27001:A.8.15"],
 *  "id":"&lt;uuid&gt;","observed_at":"…" (only when set),"payload":{…},"payload_sha256":"&lt;hex&gt;",
 *  "status":"pass","summary":"…"}
 * </pre>
 * Controls are sorted by UTF-16 code units (the order JCS uses for names). The payload is inside the
 * leaf so the leaf alone proves the content; payload_sha256 = SHA-256(JCS(payload)) lets a holder of
 * just the payload find its leaf. The object is written member by member in JCS order, which gives
 * the same bytes as canonicalising the whole tree but hashes the payload's canonical form only once.
 */
public final class EvidenceLeaf {

    private EvidenceLeaf() {
    }

    /** Leaf bytes plus the hashes derived from them. */
    public record Canonical(byte[] bytes, byte[] leafHash, byte[] payloadSha256) {
    }

    public static Canonical build(UUID id, String collector, Instant collectedAt, Instant observedAt, List<String> sortedControls,
            String status, String summary, byte[] payloadCanonical) {
        byte[] payloadSha256 = Hashes.sha256(payloadCanonical);
        StringBuilder sb = new StringBuilder(256 + summary.length());
        sb.append("{\"collected_at\":").append(str(Rfc3339.format(collectedAt)));
        sb.append(",\"collector\":").append(str(collector));
        sb.append(",\"controls\":[");
        for (int i = 0; i < sortedControls.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(sortedControls.get(i)));
        }
        sb.append("],\"id\":").append(str(id.toString()));
        if (observedAt != null) {
            sb.append(",\"observed_at\":").append(str(Rfc3339.format(observedAt)));
        }
        sb.append(",\"payload\":");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        String tail = ",\"payload_sha256\":" + str(Codec.toHex(payloadSha256)) + ",\"status\":" + str(status)
                + ",\"summary\":" + str(summary) + "}";
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + payloadCanonical.length + tailBytes.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(payloadCanonical, 0, bytes, head.length, payloadCanonical.length);
        System.arraycopy(tailBytes, 0, bytes, head.length + payloadCanonical.length, tailBytes.length);
        return new Canonical(bytes, Hashes.leafHash(bytes), payloadSha256);
    }

    private static String str(String s) {
        return Jcs.canonicalString(TextNode.valueOf(s));
    }
}
