package org.trustledger.privacy;

/** Rules for text a person types (request details, staff notes): stored as given, escaped when rendered. */
final class FreeText {

    static final int MAX_CHARS = 2000;

    private FreeText() {
    }

    /** Null when acceptable; otherwise the reason. Line breaks and tabs are text, other control characters are not. */
    static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_CHARS) {
            return "must be at most " + MAX_CHARS + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters other than tab, line feed and carriage return";
            }
            // A lone surrogate (possible through a JSON \\u escape) is not text and PostgreSQL cannot store it.
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }

    /** Empty and absent are the same: nothing was said. */
    static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
