package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The governance event chain over plain JDBC. Each event is the JSON object
 * {@code {"actor","details","kind","occurred_at","seq","subject"}} and
 * {@code hash = SHA-256(prev_hash || JCS(event))}, the first prev_hash being 32 zero bytes.
 * Appends lock the {@code governance_head} row, so concurrent instances queue rather than fork the
 * chain. The caller owns the transaction, so an event commits or rolls back with the action it
 * records.
 */
public final class GovernanceChain {

    public static final byte[] ZERO_HASH = new byte[Hashes.SIZE];
    private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    public static final int MAX_ACTOR = 200;
    public static final int MAX_SUBJECT = 500;

    private GovernanceChain() {
    }

    /** The chain's head: number of events and the last event's hash (zeros when empty). */
    public record Head(long size, byte[] hash) {
    }

    /** A recorded event. */
    public record Event(long seq, Instant occurredAt, String kind, String actor, String subject, byte[] canonical, byte[] prevHash,
            byte[] hash) {
    }

    public static Head head(Connection c, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size, hash FROM governance_head" + (forUpdate ? " FOR UPDATE" : ""));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoredTree.CorruptLedgerException("governance_head row is missing");
            }
            return new Head(rs.getLong(1), rs.getBytes(2));
        }
    }

    /** The event object, exactly as hashed (before canonicalisation). */
    public static ObjectNode eventObject(long seq, Instant occurredAt, String kind, String actor, String subject, JsonNode details) {
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

    public static byte[] chainHash(byte[] prevHash, byte[] canonical) {
        MessageDigest md = Hashes.newSha256();
        md.update(prevHash);
        md.update(canonical);
        return md.digest();
    }

    /** Appends one event in the caller's transaction. */
    public static Event append(Connection c, String kind, String actor, String subject, JsonNode details, Instant now)
            throws SQLException {
        checkEvent(kind, actor, subject, details);
        Instant at = Rfc3339.millis(now);
        Head head = head(c, true);
        byte[] canonical = Jcs.canonicalize(eventObject(head.size(), at, kind, actor, subject, details));
        byte[] hash = chainHash(head.hash(), canonical);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO governance_event (seq, occurred_at, kind, actor, subject, canonical, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            ps.setLong(1, head.size());
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, kind);
            ps.setString(4, actor);
            ps.setString(5, subject);
            ps.setBytes(6, canonical);
            ps.setBytes(7, head.hash());
            ps.setBytes(8, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE governance_head SET size = ?, hash = ?")) {
            ps.setLong(1, head.size() + 1);
            ps.setBytes(2, hash);
            ps.executeUpdate();
        }
        return new Event(head.size(), at, kind, actor, subject, canonical, head.hash(), hash);
    }

    /**
     * Rejects an event the chain would refuse, before anything is locked or queued; canonicalising the
     * details here means a detail JCS cannot express fails first.
     */
    static void checkEvent(String kind, String actor, String subject, JsonNode details) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("event kind must match " + KIND.pattern());
        }
        if (actor == null || actor.isEmpty() || actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("event actor must be 1-" + MAX_ACTOR + " characters");
        }
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("event subject must be at most " + MAX_SUBJECT + " characters");
        }
        if (details != null && !details.isObject()) {
            throw new IllegalArgumentException("event details must be a JSON object");
        }
        Jcs.canonicalize(details == null ? JsonNodeFactory.instance.objectNode() : details);
    }

    /** Events with seq > after, at most limit, in order. */
    public static java.util.List<Event> list(Connection c, long after, int limit) throws SQLException {
        java.util.List<Event> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, occurred_at, kind, actor, subject, canonical, prev_hash, hash FROM governance_event
                 WHERE seq > ? ORDER BY seq LIMIT ?
                """)) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8)));
                }
            }
        }
        return out;
    }
}
