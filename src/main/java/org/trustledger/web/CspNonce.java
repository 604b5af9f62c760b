package org.trustledger.web;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.Base64;

/** The per-request Content-Security-Policy nonce: 128 fresh random bits for every response. */
public final class CspNonce {

    static final String KEY = "trustledger.csp-nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CspNonce() {
    }

    static String create() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The nonce of the request being served; templates put it on their script and style tags. */
    public static String of(RoutingContext ctx) {
        String nonce = ctx.get(KEY);
        if (nonce == null) {
            nonce = create();
            ctx.put(KEY, nonce);
        }
        return nonce;
    }
}
