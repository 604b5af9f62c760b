package org.trustledger.staff;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/** A minimal OIDC provider for tests: discovery, JWKS, an authorize endpoint that approves at once, and a token endpoint. */
public class FakeOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "trustledger-test";
    static final String CLIENT_SECRET = "test-client-secret";

    /** Who the next /authorize call signs in as. */
    public record User(String subject, String preferredUsername, List<String> groups) {
    }

    private static volatile User nextUser = new User("subject-1", "alice", List.of("tl-admins"));
    private static final Map<String, Map<String, Object>> CODES = new ConcurrentHashMap<>();

    private HttpServer server;
    private RsaJsonWebKey key;
    private String issuer;

    static void signInAs(User user) {
        nextUser = user;
    }

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", ex -> json(ex, 200, Map.of(
                "issuer", issuer,
                "authorization_endpoint", issuer + "/authorize",
                "token_endpoint", issuer + "/token",
                "jwks_uri", issuer + "/jwks",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext("/jwks", ex -> json(ex, 200,
                Map.of("keys", List.of(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "trustledger.oidc.roles.\"tl-admins\"", "admin",
                "trustledger.oidc.roles.\"tl-auditors\"", "auditor",
                "trustledger.oidc.roles.\"tl-privacy\"", "privacy");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || q.get("redirect_uri") == null || !"code".equals(q.get("response_type"))) {
            json(ex, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, Object> grant = new HashMap<>();
        grant.put("user", nextUser);
        grant.put("redirect_uri", q.get("redirect_uri"));
        if (q.get("nonce") != null) {
            grant.put("nonce", q.get("nonce"));
        }
        CODES.put(code, grant);
        String location = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + enc(code) + (q.get("state") == null ? "" : "&state=" + enc(q.get("state")));
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> body = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> grant = CODES.remove(body.getOrDefault("code", ""));
        if (!"POST".equals(ex.getRequestMethod()) || !"authorization_code".equals(body.get("grant_type")) || grant == null
                || !grant.get("redirect_uri").equals(body.get("redirect_uri"))) {
            json(ex, 400, Map.of("error", "invalid_grant"));
            return;
        }
        User user = (User) grant.get("user");
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject(user.subject());
            claims.setAudience(CLIENT_ID);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(5);
            claims.setClaim("preferred_username", user.preferredUsername());
            claims.setStringListClaim("groups", user.groups());
            if (grant.get("nonce") != null) {
                claims.setClaim("nonce", grant.get("nonce"));
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            json(ex, 200, Map.of(
                    "access_token", UUID.randomUUID().toString(),
                    "token_type", "Bearer",
                    "expires_in", 300,
                    "id_token", jws.getCompactSerialization()));
        } catch (Exception e) {
            json(ex, 500, Map.of("error", "server_error"));
        }
    }

    private static void json(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JsonUtil.toJson(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
