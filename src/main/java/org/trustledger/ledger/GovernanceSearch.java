package org.trustledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.trustledger.tlog.Codec;

/**
 * The governance event log as the console's activity page reads it: newest first, filtered by actor, kind and a range
 * of UTC days. The order is {@code (occurred_at, seq)} descending rather than seq alone so that every filter
 * combination is served, in order, by one of the V100 indexes; a page therefore reads only the rows it shows (plus the
 * skipped ones of earlier pages).
 */
@ApplicationScoped
public class GovernanceSearch {

    /** Filters; null means "any". {@code from} and {@code to} are inclusive UTC days. */
    public record Filter(String actor, String kind, LocalDate from, LocalDate to) {
    }

    /** One event for display; {@code details} is its details object as compact JSON, shortened when long. */
    public record Row(long seq, Instant occurredAt, String kind, String actor, String subject, String details, String hash) {
    }

    static final int MAX_DETAILS = 400;

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public GovernanceSearch(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** At most {@code limit} events after skipping {@code offset}, newest first. */
    public List<Row> search(Filter f, int offset, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.actor() != null) {
            where.add("actor = ?");
            args.add(f.actor());
        }
        if (f.kind() != null) {
            where.add("kind = ?");
            args.add(f.kind());
        }
        if (f.from() != null) {
            where.add("occurred_at >= ?");
            args.add(OffsetDateTime.of(f.from().atStartOfDay(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.add("occurred_at < ?");
            args.add(OffsetDateTime.of(f.to().plusDays(1).atStartOfDay(), ZoneOffset.UTC));
        }
        String sql = "SELECT seq, occurred_at, kind, actor, subject, canonical, hash FROM governance_event"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY occurred_at DESC, seq DESC LIMIT ? OFFSET ?";
        List<Row> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            // Planned for these values every time: a cached generic plan cannot know that a filter is rare and walks
            // governance_event_time through every event instead of the filter's own index (70 ms against 0.1 ms at 200,000).
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            int i = 0;
            for (Object a : args) {
                ps.setObject(++i, a);
            }
            ps.setInt(++i, limit);
            ps.setInt(++i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), details(rs.getBytes(6)), Codec.toHex(rs.getBytes(7))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read governance events", e);
        }
        return out;
    }

    private String details(byte[] canonical) {
        try {
            JsonNode d = mapper.readTree(canonical).path("details");
            if (d.isMissingNode() || d.isEmpty()) {
                return "";
            }
            String text = mapper.writeValueAsString(d);
            return text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS - 1) + "\u2026";
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    /**
     * The kinds present in the log, in name order: a loose index scan over {@code governance_event_kind}, one probe per
     * kind, however many events there are.
     */
    public List<String> kinds() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH RECURSIVE k(kind) AS (
                            SELECT min(kind) FROM governance_event
                            UNION ALL
                            SELECT (SELECT min(kind) FROM governance_event WHERE kind > k.kind) FROM k WHERE k.kind IS NOT NULL
                        )
                        SELECT kind FROM k WHERE kind IS NOT NULL
                        """);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list governance event kinds", e);
        }
        return out;
    }
}
