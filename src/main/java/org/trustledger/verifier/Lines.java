package org.trustledger.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The lines of a UTF-8 stream split at '\n' only (a '\r' stays in its line and so fails the format check). */
final class Lines {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int pos;
    private int end;
    private boolean unterminated;

    Lines(InputStream in) {
        this.in = in;
    }

    /** Whether the stream's last line had no '\n' (known once {@link #next} has returned null). */
    boolean endedWithoutNewline() {
        return unterminated;
    }

    /** The next line without its '\n', or null at the end (a last line without '\n' still counts). */
    String next() throws IOException {
        line.reset();
        while (true) {
            if (pos == end) {
                end = in.read(buf);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (line.size() == 0) {
                        return null;
                    }
                    unterminated = true;
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            line.write(buf, start, pos - start);
            if (pos < end) {
                pos++;
                return line.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
