package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final String ROOT_B64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";
    private static final String TEXT = "example.com/test-log\n8\n" + ROOT_B64 + "\n";

    @Test
    void roundTrip() {
        Checkpoint cp = Checkpoint.parse(TEXT);
        assertEquals("example.com/test-log", cp.origin());
        assertEquals(8, cp.treeSize());
        assertArrayEquals(Codec.fromBase64(ROOT_B64), cp.rootHash());
        assertEquals(TEXT, cp.toText());
        assertEquals(cp, new Checkpoint("example.com/test-log", 8, Codec.fromBase64(ROOT_B64)));
        assertEquals(cp.hashCode(), Checkpoint.parse(TEXT).hashCode());
        assertNotSame(cp.rootHash(), cp.rootHash());
        assertEquals("0", String.valueOf(Checkpoint.parse("o\n0\n" + ROOT_B64 + "\n").treeSize()));
        assertEquals(Long.MAX_VALUE, Checkpoint.parse("o\n" + Long.MAX_VALUE + "\n" + ROOT_B64 + "\n").treeSize());
    }

    @Test
    void strictParsing() {
        String[] bad = {
            "example.com/test-log\n8\n" + ROOT_B64,                        // no final newline
            "example.com/test-log\n08\n" + ROOT_B64 + "\n",                // leading zero
            "example.com/test-log\n+8\n" + ROOT_B64 + "\n",
            "example.com/test-log\n-1\n" + ROOT_B64 + "\n",
            "example.com/test-log\n 8\n" + ROOT_B64 + "\n",
            "example.com/test-log\n9223372036854775808\n" + ROOT_B64 + "\n", // overflows long
            "example.com/test-log\n8\n" + ROOT_B64.replace("=", "") + "\n", // unpadded
            "example.com/test-log\n8\nAAAA\n",                              // not 32 bytes
            "\n8\n" + ROOT_B64 + "\n",                                      // empty origin
            "example.com/test-log\n8\n" + ROOT_B64 + "\nextension\n",       // extension line
            "example.com/test-log\r\n8\n" + ROOT_B64 + "\n",
            "example.com/test-log\n8\n",
        };
        for (String t : bad) {
            VerificationException e = assertThrows(VerificationException.class, () -> Checkpoint.parse(t), t);
            assertEquals(VerificationException.Reason.MALFORMED, e.reason());
        }
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("o", -1, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("o", 1, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\nb", 1, new byte[32]));
    }
}
