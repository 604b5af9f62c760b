package org.trustledger.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.trustledger.common.DomainException;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/**
 * Strict parsing of query and path parameters. JAX-RS would answer an unparseable numeric
 * parameter with 404; these answer 400 with the parameter named, and accept one spelling only.
 */
final class QueryParams {

    private static final Pattern NON_NEGATIVE = Pattern.compile("^(0|[1-9][0-9]{0,18})$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    private QueryParams() {
    }

    static DomainException invalid(String field, String reason) {
        return new DomainException(DomainException.Kind.INVALID, "The request has an invalid parameter.",
                List.of(new DomainException.Violation(field, reason)));
    }

    /** A non-negative decimal integer without sign or leading zeros; {@code dflt} when absent (null means required). */
    static long nonNegative(String name, String value, Long dflt) {
        if (value == null || value.isEmpty()) {
            if (dflt == null) {
                throw invalid(name, "is required");
            }
            return dflt;
        }
        if (!NON_NEGATIVE.matcher(value).matches()) {
            throw invalid(name, "must be a non-negative decimal integer");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "is too large");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            throw invalid(name, "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "is not a valid calendar date");
        }
    }

    static byte[] sha256Hex(String name, String value) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw invalid(name, "must be exactly 64 lowercase hex characters");
        }
        return Codec.fromHex(value, Hashes.SIZE);
    }
}
