package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {

    @Test
    void hexRoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String hex = Codec.toHex(all);
        assertEquals(hex.toLowerCase(), hex);
        assertArrayEquals(all, Codec.fromHex(hex));
        assertArrayEquals(all, Codec.fromHex(hex, 256));
        assertArrayEquals(new byte[0], Codec.fromHex(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "ABCD", "abcD", "0g", " 00", "00 ", "0x00", "+0", "-0", "\u0660\u0660"})
    void hexRejects(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Codec.fromHex(bad));
    }

    @Test
    void hexLength() {
        assertThrows(IllegalArgumentException.class, () -> Codec.fromHex("00", 2));
        assertThrows(IllegalArgumentException.class, () -> Codec.fromHex(Codec.toHex(new byte[33]), 32));
    }

    @Test
    void base64RoundTrip() {
        for (int n = 0; n < 70; n++) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (i * 37 + n);
            }
            assertArrayEquals(b, Codec.fromBase64(Codec.toBase64(b)));
            assertArrayEquals(b, Codec.fromBase64(Codec.toBase64(b), n));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA", "AA=", "AB==", "AAB=", "AA==\n", " AA==", "AA ==", "-_8=", "AA==AA==", "A", "===="})
    void base64Rejects(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Codec.fromBase64(bad));
    }

    @Test
    void base64Length() {
        assertThrows(IllegalArgumentException.class, () -> Codec.fromBase64("AAAA", 32));
    }
}
