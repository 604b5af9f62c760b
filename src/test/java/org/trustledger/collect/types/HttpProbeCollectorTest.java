package org.trustledger.collect.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.RunContext;
import org.trustledger.collect.RunStatus;
import org.trustledger.collect.Severity;

/**
 * http-probe against a real local TLS server (com.sun.net.httpserver on 127.0.0.1) whose certificate is
 * generated at test time with keytool; the probe trusts it through {@code trust_cert}, never by turning
 * verification off.
 */
class HttpProbeCollectorTest {

    private static final Map<String, String> GOOD = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff");

    private final List<HttpsServer> servers = new ArrayList<>();
    private final HttpProbeCollector probe = new HttpProbeCollector();
    private final Clock clock = Clock.systemUTC();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void passesWhenTlsCertificateAndHeadersAreRight() throws Exception {
        Path ks = keystore("good", 400);
        int port = serve(ks, GOOD, null);
        CollectorResult r = run(params("https://127.0.0.1:" + port + "/", cert(ks, "good")));
        assertEquals(RunStatus.PASS, r.status(), r.summary());
        assertEquals("all 1 URLs: TLS, certificate and security headers as required", r.summary());
        String protocol = r.payload().at("/results/0/tls_protocol").asText();
        assertTrue(protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"), protocol);
        assertTrue(r.payload().at("/results/0/cert_days_left").asLong() >= 398);
    }

    @Test
    void recordsTheNegotiatedProtocolOfATls12OnlyServer() throws Exception {
        Path ks = keystore("tls12", 400);
        int port = serve(ks, GOOD, new String[] {"TLSv1.2"});
        CollectorResult r = run(params("https://127.0.0.1:" + port + "/", cert(ks, "tls12")));
        assertEquals(RunStatus.PASS, r.status(), r.summary());
        assertEquals("TLSv1.2", r.payload().at("/results/0/tls_protocol").asText());
    }

    @Test
    void failsOnMissingOrWeakSecurityHeaders() throws Exception {
        Path ks = keystore("weak", 400);
        int port = serve(ks, Map.of("Strict-Transport-Security", "max-age=86400",
                "Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'"), null);
        CollectorResult r = run(params("https://127.0.0.1:" + port + "/", cert(ks, "weak")));
        assertEquals(RunStatus.FAIL, r.status());
        assertEquals("1 of 1 URLs fail: https://127.0.0.1:" + port + "/: Strict-Transport-Security max-age below one year (31536000 s);"
                + " Content-Security-Policy allows 'unsafe-inline'; X-Content-Type-Options is not nosniff;"
                + " framing not restricted (no X-Frame-Options DENY/SAMEORIGIN and no CSP frame-ancestors)", r.summary());
    }

    @Test
    void failsWhenTheCertificateExpiresTooSoon() throws Exception {
        Path ks = keystore("soon", 5);
        int port = serve(ks, GOOD, null);
        ObjectNode p = params("https://127.0.0.1:" + port + "/", cert(ks, "soon"));
        p.put("min_cert_days", 14);
        CollectorResult r = run(p);
        assertEquals(RunStatus.FAIL, r.status());
        assertTrue(r.summary().contains("certificate expires in 4 days") || r.summary().contains("certificate expires in 5 days"), r.summary());
    }

    @Test
    void failsWhenTheCertificateIsNotTrusted() throws Exception {
        Path ks = keystore("untrusted", 400);
        int port = serve(ks, GOOD, null);
        CollectorResult r = run(params("https://127.0.0.1:" + port + "/", null));
        assertEquals(RunStatus.FAIL, r.status());
        assertTrue(r.summary().contains("TLS handshake failed"), r.summary());
    }

    @Test
    void isAnErrorWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CollectorResult r = run(params("https://127.0.0.1:" + port + "/", null));
        assertEquals(RunStatus.ERROR, r.status());
        assertTrue(r.summary().startsWith("1 of 1 URLs could not be probed: https://127.0.0.1:" + port + "/: unreachable: ConnectException"),
                r.summary());
    }

    @Test
    void validationRefusesPlainHttpAndUnreadableTrustFiles() throws Exception {
        List<String> problems = new ArrayList<>();
        ObjectNode p = params("http://example.com/", dir.resolve("missing.pem").toString());
        probe.validate(p, (f, why) -> problems.add(f + ": " + why));
        assertEquals("params.urls[0]: 'http://example.com/' is not an https URL with a host", problems.get(0));
        assertTrue(problems.get(1).startsWith("params.trust_cert: cannot read certificates from " + dir.resolve("missing.pem")), problems.get(1));
    }

    private CollectorResult run(ObjectNode params) throws Exception {
        CollectorDefinition d = new CollectorDefinition("probe", "http-probe", "probe", "0 0 0 1 1 ? 2099", List.of("ISO27001:A.8.20"), params,
                Duration.ofDays(1), Severity.LOW, Duration.ofSeconds(10), Path.of("probe.yaml"));
        Instant now = clock.instant();
        return probe.collect(d, new RunContext(clock, now, now.plusSeconds(10)));
    }

    private static ObjectNode params(String url, String trustCert) {
        ObjectNode p = new ObjectMapper().createObjectNode();
        p.putArray("urls").add(url);
        if (trustCert != null) {
            p.put("trust_cert", trustCert);
        }
        return p;
    }

    private Path keystore(String name, int validityDays) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "probe", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", String.valueOf(validityDays), "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        return ks;
    }

    private String cert(Path ks, String name) throws Exception {
        Path pem = dir.resolve(name + ".pem");
        keytool("-exportcert", "-rfc", "-alias", "probe", "-keystore", ks.toString(), "-storepass", "changeit", "-file", pem.toString());
        return pem.toString();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    private int serve(Path ks, Map<String, String> headers, String[] protocols) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                var p = ctx.getDefaultSSLParameters();
                if (protocols != null) {
                    p.setProtocols(protocols);
                }
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", exchange -> {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }
}
