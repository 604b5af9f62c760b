package org.trustledger.tlog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 JSON Canonicalization Scheme over Jackson trees: the byte string that evidence hashes
 * and signatures are computed over.
 *
 * <ul>
 *   <li>Object members are sorted by their names' UTF-16 code units ({@link String#compareTo}),
 *       recursively; array order is kept.</li>
 *   <li>No whitespace. Strings escape only {@code "}, {@code \}, and U+0000..U+001F (the short
 *       forms \b \t \n \f \r, else {@code \}{@code u00xx} in lowercase); everything else, including
 *       '/', DEL and U+2028, is literal UTF-8. Lone surrogates are rejected (I-JSON, RFC 7493).</li>
 *   <li>Numbers are IEEE-754 doubles printed as ECMAScript's Number::toString would.</li>
 * </ul>
 *
 * <p>Numbers policy. Floating-point nodes (double, float, BigDecimal) are converted to the nearest
 * double, exactly as a JavaScript parser would, then printed; NaN and Infinity are rejected, as is a
 * BigDecimal too large for a double. Integer nodes (int, long, BigInteger) are rejected when their
 * magnitude exceeds 2^53: JSON.parse would silently round them, so the canonical form would state a
 * different number than the evidence did. Such values belong in strings.
 */
public final class Jcs {

    private static final long MAX_SAFE = 1L << 53;
    private static final BigInteger MAX_SAFE_BIG = BigInteger.valueOf(MAX_SAFE);

    // Duplicate names are ambiguous input (I-JSON forbids them), so parsing refuses them.
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Jcs() {
    }

    /** Canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Canonical form as a Java string (encode it as UTF-8 before hashing). */
    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** Parses JSON text strictly (no duplicate names, no trailing content) and canonicalizes it. */
    public static byte[] canonicalize(String json) {
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("empty JSON text");
        }
        return canonicalize(node);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        // String.compareTo orders by UTF-16 code units, which is exactly RFC 8785 §3.2.3.
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String name = names.get(i);
            writeString(name, out);
            out.append(':');
            write(node.get(name), out);
        }
        out.append('}');
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                long v = node.longValue();
                if (v > MAX_SAFE || v < -MAX_SAFE) {
                    throw unsafeInteger(node);
                }
                return Long.toString(v);
            }
            BigInteger v = node.bigIntegerValue();
            if (v.abs().compareTo(MAX_SAFE_BIG) > 0) {
                throw unsafeInteger(node);
            }
            return v.toString();
        }
        double d;
        if (node.isBigDecimal()) {
            // Via text, because Double.parseDouble is correctly rounded; the result is what
            // JSON.parse would produce for the same literal.
            d = Double.parseDouble(node.decimalValue().toString());
        } else {
            d = node.doubleValue();
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("number out of IEEE-754 double range: " + node.asText());
        }
        return EcmaNumber.toString(d);
    }

    private static IllegalArgumentException unsafeInteger(JsonNode node) {
        return new IllegalArgumentException("integer beyond +/-2^53 cannot be canonicalized exactly: "
                + node.asText() + " (send it as a string)");
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate U+" + Integer.toHexString(c) + " in string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
