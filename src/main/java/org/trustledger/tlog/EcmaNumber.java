package org.trustledger.tlog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript Number::toString (ECMA-262 §6.1.6.1.20, formerly §7.1.12.1) for finite doubles, the
 * number format RFC 8785 §3.2.2.3 requires.
 *
 * <p>The spec asks for the fewest significant digits k that still parse back to the same double,
 * and among k-digit candidates the one closest to the exact value (ties to even). JDK 17's
 * {@link Double#toString} is not always shortest (JDK-4511638, fixed only in JDK 19), so digits are
 * found by search instead: for a given k the exact binary value is rounded down and up to k digits
 * with {@link BigDecimal}, and a candidate is accepted if {@link Double#parseDouble} (correctly
 * rounded) maps it back to the same bits. Any k-digit decimal inside the round-trip interval implies
 * the nearest one on that side is inside too, so testing just those two is complete.
 */
final class EcmaNumber {

    private EcmaNumber() {
    }

    static String toString(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON representation");
        }
        if (d == 0) {
            return "0"; // also -0: ES prints it as "0"
        }
        if (d < 0) {
            return "-" + toString(-d);
        }
        // Integers below 2^53 are exact in a long and need no search.
        if (d < 0x1p53 && d == Math.rint(d)) {
            return Long.toString((long) d);
        }
        BigDecimal shortest = shortestDecimal(d);
        // value = 0.digits * 10^n in ES terms, i.e. digits * 10^(n - k).
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        return layout(digits, k, n);
    }

    private static BigDecimal shortestDecimal(double d) {
        BigDecimal exact = new BigDecimal(d);
        // If some k-digit decimal round-trips, so does a (k+1)-digit one (append a zero), so the
        // minimal k can be found by bisection. Double.toString always round-trips, so its digit
        // count is an upper bound; it is merely sometimes one digit too long on JDK 17.
        int lo = 1;
        int hi = Math.min(17, significantDigits(Double.toString(d)));
        if (candidate(exact, d, hi) == null) {
            hi = 17;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (candidate(exact, d, mid) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal best = candidate(exact, d, lo);
        if (best == null) {
            throw new AssertionError("17 significant digits always round-trip a double: " + d);
        }
        return best.stripTrailingZeros();
    }

    // The k-digit decimal closest to `exact` that parses back to d, or null if none does.
    private static BigDecimal candidate(BigDecimal exact, double d, int k) {
        BigDecimal down = exact.round(new MathContext(k, RoundingMode.DOWN));
        BigDecimal up = exact.round(new MathContext(k, RoundingMode.UP));
        boolean downOk = roundTrips(down, d);
        boolean upOk = roundTrips(up, d);
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            // Exactly halfway: ES picks the candidate whose last digit is even.
            return down.unscaledValue().testBit(0) ? up : down;
        }
        return downOk ? down : upOk ? up : null;
    }

    // Digits in Double.toString's mantissa, ignoring sign, point, leading and trailing zeros.
    private static int significantDigits(String javaRepr) {
        int e = javaRepr.indexOf('E');
        String mantissa = (e < 0 ? javaRepr : javaRepr.substring(0, e)).replace(".", "").replace("-", "");
        int start = 0;
        while (start < mantissa.length() - 1 && mantissa.charAt(start) == '0') {
            start++;
        }
        int end = mantissa.length();
        while (end > start + 1 && mantissa.charAt(end - 1) == '0') {
            end--;
        }
        return end - start;
    }

    private static boolean roundTrips(BigDecimal candidate, double d) {
        return Double.parseDouble(candidate.toString()) == d;
    }

    // ECMA-262 Number::toString steps 6-10 for a positive value with k digits and exponent n.
    private static String layout(String s, int k, int n) {
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(s);
            for (int i = 0; i < n - k; i++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = 0; i < -n; i++) {
                out.append('0');
            }
            out.append(s);
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }
}
