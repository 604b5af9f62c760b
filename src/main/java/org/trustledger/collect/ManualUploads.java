package org.trustledger.collect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** Evidence files uploaded by staff for {@code manual} collectors, kept in PostgreSQL with their SHA-256 and expiry. */
@ApplicationScoped
public class ManualUploads {

    private final DataSource db;
    private final Clock clock;

    public ManualUploads(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Upload(long id, String collectorId, String filename, String mediaType, int sizeBytes, String sha256, String note,
            Instant uploadedAt, String uploadedBy, Instant expiresAt) {
    }

    private static final String COLUMNS = "id, collector_id, filename, media_type, size_bytes, sha256, note, uploaded_at, uploaded_by, expires_at";

    private static Upload read(ResultSet rs) throws SQLException {
        return new Upload(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), Codec.toHex(rs.getBytes(6)),
                rs.getString(7), Jdbc.instant(rs, 8), rs.getString(9), Jdbc.instant(rs, 10));
    }

    @Transactional
    public Upload store(String collectorId, String filename, String mediaType, byte[] content, String note, Instant expiresAt,
            String uploadedBy) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO manual_upload (collector_id, filename, media_type, size_bytes, sha256,"
                        + " content, note, uploaded_at, uploaded_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            s.setString(1, collectorId);
            s.setString(2, filename);
            s.setString(3, mediaType);
            s.setInt(4, content.length);
            s.setBytes(5, Hashes.sha256(content));
            s.setBytes(6, content);
            s.setString(7, note);
            s.setTimestamp(8, Jdbc.ts(clock.instant()));
            s.setString(9, uploadedBy);
            s.setTimestamp(10, Jdbc.ts(expiresAt));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Newest first. */
    @Transactional
    public List<Upload> list(String collectorId, int limit) {
        return query("SELECT " + COLUMNS + " FROM manual_upload WHERE collector_id = ? ORDER BY uploaded_at DESC, id DESC LIMIT " + limit,
                collectorId, null);
    }

    /** The upload that stays valid longest among those not yet expired at {@code now}. */
    @Transactional
    public Optional<Upload> current(String collectorId, Instant now) {
        return query("SELECT " + COLUMNS + " FROM manual_upload WHERE collector_id = ? AND expires_at > ?"
                + " ORDER BY expires_at DESC, id DESC LIMIT 1", collectorId, now).stream().findFirst();
    }

    @Transactional
    public Optional<Upload> latest(String collectorId) {
        return list(collectorId, 1).stream().findFirst();
    }

    @Transactional
    public Optional<byte[]> content(String collectorId, long id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT content FROM manual_upload WHERE collector_id = ? AND id = ?")) {
            s.setString(1, collectorId);
            s.setLong(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Upload> query(String sql, String collectorId, Instant at) {
        List<Upload> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, collectorId);
            if (at != null) {
                s.setTimestamp(2, Jdbc.ts(at));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
