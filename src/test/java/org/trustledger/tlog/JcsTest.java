package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JcsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "simpleString", "structures", "unicode", "values", "weird"})
    void cyberphoneTestData(String name) {
        String input = TestVectors.text("jcs/input/" + name + ".json");
        byte[] want = TestVectors.bytes("jcs/output/" + name + ".json");
        assertEquals(new String(want, StandardCharsets.UTF_8), new String(Jcs.canonicalize(input), StandardCharsets.UTF_8));
        assertArrayEquals(want, Jcs.canonicalize(input));
        // Canonical form is a fixed point.
        assertArrayEquals(want, Jcs.canonicalize(new String(want, StandardCharsets.UTF_8)));
    }

    static List<String[]> rfc8785Numbers() {
        return split(TestVectors.lines("jcs/rfc8785-numbers.txt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rfc8785Numbers")
    void rfc8785AppendixB(String hex, String want) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
        if (want.equals("error")) {
            assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.numberNode(d)));
        } else {
            assertEquals(want, Jcs.canonicalString(F.numberNode(d)));
        }
    }

    static List<String[]> numberLiterals() {
        return split(TestVectors.lines("jcs/number-literals.txt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numberLiterals")
    void numberLiterals(String literal, String want) {
        assertEquals(want, new String(Jcs.canonicalize(literal), StandardCharsets.UTF_8));
        assertEquals("[" + want + "]", new String(Jcs.canonicalize("[" + literal + "]"), StandardCharsets.UTF_8));
    }

    /** 6,209 doubles whose Number::toString was taken from V8 (see jcs/numgen.mjs). */
    @Test
    void matchesV8OnGeneratedDoubles() {
        List<String> lines = TestVectors.lines("jcs/es-numbers.txt");
        assertEquals(6209, lines.size());
        List<String> wrong = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",");
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(f[0], 16));
            String got = EcmaNumber.toString(d);
            if (!got.equals(f[1])) {
                wrong.add(line + " got " + got);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void numberNodeTypes() {
        assertEquals("9007199254740992", Jcs.canonicalString(F.numberNode(1L << 53)));
        assertEquals("-9007199254740992", Jcs.canonicalString(F.numberNode(-(1L << 53))));
        assertEquals("42", Jcs.canonicalString(F.numberNode(BigInteger.valueOf(42))));
        assertEquals("0.1", Jcs.canonicalString(F.numberNode(new BigDecimal("0.1000"))));
        assertEquals("1e+30", Jcs.canonicalString(F.numberNode(new BigDecimal("1E+30"))));
        assertEquals("0", Jcs.canonicalString(F.numberNode(-0.0)));
        assertEquals("7", Jcs.canonicalString(F.numberNode((short) 7)));
    }

    @Test
    void rejectsWhatHasNoCanonicalForm() {
        // Integers beyond 2^53 would be silently rounded by an ES parser.
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.numberNode((1L << 53) + 1)));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.numberNode(-(1L << 53) - 1)));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("18446744073709551616"));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.numberNode(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.numberNode(Double.NEGATIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.numberNode(new BigDecimal("1e400"))));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("1e400"));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.textNode("\ud800")));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("\"\\udc00x\""));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(""));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(F.binaryNode(new byte[1])));
    }

    @Test
    void stringEscapes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append("\"\\/\u007f\u2028\ud83d\ude02");
        String want = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
                + "\\\"\\\\/\u007f\u2028\ud83d\ude02\"";
        assertEquals(want, Jcs.canonicalString(F.textNode(all.toString())));
    }

    @Test
    void keysSortByUtf16CodeUnitsNotCodePoints() {
        // U+1F600 is stored as surrogates D83D DE00, which sort below U+FB33 in UTF-16 although
        // the code point is larger; RFC 8785 §3.2.3 specifies UTF-16 order.
        ObjectNode o = F.objectNode();
        o.put("\ufb33", 1);
        o.put("\ud83d\ude00", 2);
        o.put("\u00e9", 3);
        JsonNode n = o;
        assertEquals("{\"\u00e9\":3,\"\ud83d\ude00\":2,\"\ufb33\":1}", Jcs.canonicalString(n));
    }

    private static List<String[]> split(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        for (String l : lines) {
            int comma = l.indexOf(',');
            out.add(new String[] {l.substring(0, comma), l.substring(comma + 1)});
        }
        return out;
    }
}
