package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trustledger.tlog.ChainHash;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.Rfc3339;

/**
 * The governance event chain over plain JDBC; the event form and its hash are {@link ChainHash}'s.
 * Appends lock the {@code governance_head} row, so concurrent instances queue rather than fork the
 * chain. The caller owns the transaction, so an event commits or rolls back with the action it
 * records.
 */
public final class GovernanceChain {

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

    /** An event to append: what {@link #appendAll} needs besides the chain position. */
    public record Pending(String kind, String actor, String subject, JsonNode details) {
    }

    /** Appends one event in the caller's transaction. */
    public static Event append(Connection c, String kind, String actor, String subject, JsonNode details, Instant now)
            throws SQLException {
        return appendAll(c, List.of(new Pending(kind, actor, subject, details)), now).get(0);
    }

    /**
     * Appends events in order in the caller's transaction: one head lock, one batched insert and one head
     * update however many there are, so draining a queue costs three statements, not three per event.
     */
    public static List<Event> appendAll(Connection c, List<Pending> pending, Instant now) throws SQLException {
        for (Pending p : pending) {
            checkEvent(p.kind(), p.actor(), p.subject(), p.details());
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        Instant at = Rfc3339.millis(now);
        Head head = head(c, true);
        List<Event> events = new ArrayList<>(pending.size());
        long seq = head.size();
        byte[] prev = head.hash();
        for (Pending p : pending) {
            byte[] canonical = ChainHash.canonicalEvent(seq, at, p.kind(), p.actor(), p.subject(), p.details());
            byte[] hash = ChainHash.next(prev, canonical);
            events.add(new Event(seq, at, p.kind(), p.actor(), p.subject(), canonical, prev, hash));
            seq++;
            prev = hash;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO governance_event (seq, occurred_at, kind, actor, subject, canonical, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            OffsetDateTime occurredAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            for (Event e : events) {
                ps.setLong(1, e.seq());
                ps.setObject(2, occurredAt);
                ps.setString(3, e.kind());
                ps.setString(4, e.actor());
                ps.setString(5, e.subject());
                ps.setBytes(6, e.canonical());
                ps.setBytes(7, e.prevHash());
                ps.setBytes(8, e.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE governance_head SET size = ?, hash = ?")) {
            ps.setLong(1, seq);
            ps.setBytes(2, prev);
            ps.executeUpdate();
        }
        return events;
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
    public static List<Event> list(Connection c, long after, int limit) throws SQLException {
        List<Event> out = new ArrayList<>();
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
