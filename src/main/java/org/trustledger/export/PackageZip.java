package org.trustledger.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/**
 * The zip being written: each entry gets the fixed time (1980-01-01 00:00, no time zone, so the same content gives the
 * same bytes) and is hashed and counted as it is written.
 */
final class PackageZip {

    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** One file of the package. */
    record FileEntry(String path, String sha256, long size) {
    }

    final ZipOutputStream zip;
    final List<FileEntry> files = new ArrayList<>();
    private final Map<String, Boolean> seen = new TreeMap<>();

    PackageZip(ZipOutputStream zip) {
        this.zip = zip;
    }

    void put(String path, byte[] bytes) throws IOException {
        try (OutputStream out = open(path)) {
            out.write(bytes);
        }
    }

    OutputStream open(String path) throws IOException {
        if (seen.put(path, Boolean.TRUE) != null) {
            throw new IllegalStateException("duplicate package entry " + path);
        }
        ZipEntry e = new ZipEntry(path);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        MessageDigest md = Hashes.newSha256();
        return new FilterOutputStream(zip) {
            long size;
            boolean closed;

            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                md.update((byte) b);
                size++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                md.update(b, off, len);
                size += len;
            }

            @Override
            public void flush() {
                // The zip is flushed as a whole; flushing a half-written deflate block would change the bytes.
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    zip.closeEntry();
                    files.add(new FileEntry(path, Codec.toHex(md.digest()), size));
                }
            }
        };
    }
}
