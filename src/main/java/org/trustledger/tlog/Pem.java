package org.trustledger.tlog;

import java.util.Base64;

/** RFC 7468 PEM armour: strict about the label and base64, lenient only about line endings. */
final class Pem {

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] decode(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String s = pem.strip();
        if (!s.startsWith(begin) || !s.endsWith(end) || s.length() < begin.length() + end.length()) {
            throw new IllegalArgumentException("expected a single PEM block labelled " + label);
        }
        String body = s.substring(begin.length(), s.length() - end.length()).replace("\r", "").replace("\n", "");
        if (body.contains("-----")) {
            throw new IllegalArgumentException("expected a single PEM block labelled " + label);
        }
        return Codec.fromBase64(body);
    }
}
