package org.trustledger.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * The governance event chain's hash, the only implementation of it: every event is the JSON object
 * {@code {"actor","details","kind","occurred_at","seq","subject"}} and its
 * {@code hash = SHA-256(prev_hash || JCS(event))}, the first event's prev_hash being 32 zero bytes.
 * The storage side and both verifiers call this, so the two cannot drift.
 */
public final class ChainHash {

    /** 32 zero bytes: the prev_hash of the first event, and the head hash of an empty chain. */
    private static final byte[] ZERO = new byte[Hashes.SIZE];

    private ChainHash() {
    }

    /** The prev_hash of the first event; a fresh copy. */
    public static byte[] zero() {
        return ZERO.clone();
    }

    /** The event object, exactly as hashed once canonicalised ({@link #canonicalEvent}). */
    public static ObjectNode event(long seq, Instant occurredAt, String kind, String actor, String subject, JsonNode details) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seq", seq);
        o.put("occurred_at", Rfc3339.format(occurredAt));
        o.put("kind", kind);
        o.put("actor", actor);
        if (subject == null) {
            o.putNull("subject");
        } else {
            o.put("subject", subject);
        }
        o.set("details", details == null ? JsonNodeFactory.instance.objectNode() : details);
        return o;
    }

    /** The event's canonical bytes: what is stored, exported and hashed. */
    public static byte[] canonicalEvent(long seq, Instant occurredAt, String kind, String actor, String subject, JsonNode details) {
        return Jcs.canonicalize(event(seq, occurredAt, kind, actor, subject, details));
    }

    /** SHA-256(prevHash || canonicalEvent), the hash of the event that follows {@code prevHash}. */
    public static byte[] next(byte[] prevHash, byte[] canonicalEvent) {
        if (prevHash == null || prevHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("prev_hash must be " + Hashes.SIZE + " bytes");
        }
        MessageDigest md = Hashes.newSha256();
        md.update(prevHash);
        md.update(canonicalEvent);
        return md.digest();
    }

    /**
     * Checks that {@code statedHash} is the hash of the event that follows {@code prevHash} and returns it;
     * throws {@link ChainHashMismatchException} with both hashes otherwise.
     */
    public static byte[] verify(byte[] prevHash, byte[] canonicalEvent, byte[] statedHash) {
        byte[] computed = next(prevHash, canonicalEvent);
        if (statedHash == null || !MessageDigest.isEqual(computed, statedHash)) {
            throw new ChainHashMismatchException(statedHash, computed);
        }
        return computed;
    }
}
