package org.trustledger.export;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Where a background export writes its zip: rows of {@code export_chunk}, {@link #CHUNK} bytes each, so no instance holds
 * a whole package in memory and every instance can serve it. The zip is hashed and counted as it passes.
 */
public final class ExportSink extends OutputStream {

    /** Bytes per stored piece of a zip. */
    static final int CHUNK = 1 << 20;

    /** What was stored: total size, SHA-256 of the whole zip, number of pieces. */
    public record Written(long size, byte[] sha256, int chunks) {
    }

    private final DataSource dataSource;
    private final long id;
    private final byte[] buffer = new byte[CHUNK];
    private final MessageDigest sha256;
    private int filled;
    private int chunks;
    private long size;
    private boolean closed;

    ExportSink(DataSource dataSource, long id) {
        this.dataSource = dataSource;
        this.id = id;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the export's zip is closed");
        }
        sha256.update(b, off, len);
        size += len;
        while (len > 0) {
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == CHUNK) {
                store();
            }
        }
    }

    /** Stores the last piece. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            store();
            closed = true;
        }
    }

    /** Valid after {@link #close()}. */
    public Written written() {
        return new Written(size, sha256.digest(), chunks);
    }

    private void store() throws IOException {
        if (filled == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO export_chunk (export_id, seq, bytes) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, chunks);
            ps.setBytes(3, Arrays.copyOf(buffer, filled));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot store piece " + chunks + " of export " + id, e);
        }
        chunks++;
        filled = 0;
    }
}
