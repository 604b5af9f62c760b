package org.trustledger.collect.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.trustledger.collect.BaseCollectorType;
import org.trustledger.collect.CollectorDefinition;
import org.trustledger.collect.CollectorResult;
import org.trustledger.collect.Param;
import org.trustledger.collect.ProblemSink;
import org.trustledger.collect.RunContext;

/**
 * Probes https URLs the way a browser would meet them: the TLS version negotiated, the server
 * certificate's remaining validity, and the security headers of the response (HSTS of at least a
 * year, a CSP without 'unsafe-inline', nosniff, and framing denied by X-Frame-Options or
 * frame-ancestors). Certificates are verified against the JDK trust store, plus an extra CA or
 * certificate file when {@code trust_cert} names one; verification is never switched off.
 */
@ApplicationScoped
public class HttpProbeCollector extends BaseCollectorType {

    private static final Param MIN_CERT_DAYS = Param.integer("min_cert_days", 0, 365, 14, "fail when the certificate expires in fewer days");

    public HttpProbeCollector() {
        super("http-probe", Param.required("urls", Param.Kind.STRING_LIST, "https URLs to probe"),
                MIN_CERT_DAYS,
                Param.optional("trust_cert", Param.Kind.STRING, "PEM or DER file of extra CA/server certificates to trust"));
    }

    static final long ONE_YEAR_SECONDS = 31_536_000L;
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|;)\\s*max-age\\s*=\\s*\"?(\\d{1,12})\"?\\s*(?:;|$)");
    private static final List<String> GOOD_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    @Override
    protected void checkParams(JsonNode params, ProblemSink problems) {
        JsonNode urls = params.get("urls");
        if (urls.isEmpty()) {
            problems.add("params.urls", "must list at least one URL");
        }
        for (int i = 0; i < urls.size(); i++) {
            String u = urls.get(i).asText();
            try {
                URI uri = new URI(u);
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("params.urls[" + i + "]", "'" + u + "' is not an https URL with a host");
                }
            } catch (URISyntaxException e) {
                problems.add("params.urls[" + i + "]", "'" + u + "' is not a URL: " + e.getReason());
            }
        }
        if (params.has("trust_cert")) {
            try {
                if (readCertificates(Path.of(params.get("trust_cert").asText())).isEmpty()) {
                    problems.add("params.trust_cert", "no certificate in " + params.get("trust_cert").asText());
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                problems.add("params.trust_cert", "cannot read certificates from " + params.get("trust_cert").asText() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public CollectorResult collect(CollectorDefinition d, RunContext ctx) throws Exception {
        JsonNode p = d.params();
        int minDays = MIN_CERT_DAYS.intIn(p);
        HttpClient client = client(p.has("trust_cert") ? p.get("trust_cert").asText() : null, d.timeout());
        ObjectNode payload = CollectorResult.object();
        payload.put("min_cert_days", minDays);
        ArrayNode results = payload.putArray("results");
        List<String> failed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode u : p.get("urls")) {
            ObjectNode r = results.addObject();
            String url = u.asText();
            r.put("url", url);
            List<String> findings = probe(client, URI.create(url), ctx, minDays, r);
            ArrayNode f = r.putArray("findings");
            findings.forEach(f::add);
            String outcome = r.path("outcome").asText("pass");
            if (outcome.equals("error")) {
                errors.add(url + ": " + String.join("; ", findings));
            } else if (!findings.isEmpty()) {
                r.put("outcome", "fail");
                failed.add(url + ": " + String.join("; ", findings));
            } else {
                r.put("outcome", "pass");
            }
        }
        int n = results.size();
        if (!failed.isEmpty()) {
            return CollectorResult.fail(failed.size() + " of " + n + " URLs fail: " + String.join(" | ", failed), payload);
        }
        if (!errors.isEmpty()) {
            return CollectorResult.error(errors.size() + " of " + n + " URLs could not be probed: " + String.join(" | ", errors), payload);
        }
        return CollectorResult.pass("all " + n + " URLs: TLS, certificate and security headers as required", payload);
    }

    private List<String> probe(HttpClient client, URI uri, RunContext ctx, int minDays, ObjectNode r) throws InterruptedException {
        List<String> findings = new ArrayList<>();
        Duration left = Duration.between(ctx.now(), ctx.deadline()).minusMillis(250);
        if (left.isNegative() || left.isZero()) {
            r.put("outcome", "error");
            findings.add("no time left in this run");
            return findings;
        }
        HttpResponse<Void> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(left).header("User-Agent", "TrustLedger-probe/1")
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (SSLException e) {
            // A handshake that fails is a finding about the server (old protocol, untrusted or expired certificate).
            findings.add("TLS handshake failed: " + e.getMessage());
            return findings;
        } catch (HttpTimeoutException e) {
            r.put("outcome", "error");
            findings.add("timed out");
            return findings;
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof SSLException ? e.getCause() : null;
            if (cause != null) {
                findings.add("TLS handshake failed: " + cause.getMessage());
            } else {
                r.put("outcome", "error");
                findings.add("unreachable: " + e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage()
                        : e.getCause() != null ? " (" + e.getCause().getClass().getSimpleName() + ")" : ""));
            }
            return findings;
        }
        r.put("status_code", response.statusCode());
        Optional<SSLSession> session = response.sslSession();
        if (session.isEmpty()) {
            findings.add("no TLS session");
        } else {
            SSLSession s = session.get();
            r.put("tls_protocol", s.getProtocol());
            r.put("cipher_suite", s.getCipherSuite());
            if (!GOOD_PROTOCOLS.contains(s.getProtocol())) {
                findings.add("TLS protocol " + s.getProtocol() + " is older than TLS 1.2");
            }
            try {
                Certificate[] chain = s.getPeerCertificates();
                if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                    Instant notAfter = leaf.getNotAfter().toInstant();
                    long days = Duration.between(ctx.now(), notAfter).toDays();
                    r.put("cert_subject", leaf.getSubjectX500Principal().getName());
                    r.put("cert_issuer", leaf.getIssuerX500Principal().getName());
                    r.put("cert_not_after", notAfter.toString());
                    r.put("cert_days_left", days);
                    if (days < minDays) {
                        findings.add("certificate expires in " + days + " days (at " + notAfter + "), minimum is " + minDays);
                    }
                }
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                findings.add("server certificate not available");
            }
        }
        ObjectNode headers = r.putObject("headers");
        String hsts = header(response, "Strict-Transport-Security", headers);
        String csp = header(response, "Content-Security-Policy", headers);
        String xcto = header(response, "X-Content-Type-Options", headers);
        String xfo = header(response, "X-Frame-Options", headers);
        if (hsts == null) {
            findings.add("Strict-Transport-Security missing");
        } else {
            Matcher m = MAX_AGE.matcher(hsts);
            if (!m.find() || Long.parseLong(m.group(1)) < ONE_YEAR_SECONDS) {
                findings.add("Strict-Transport-Security max-age below one year (31536000 s)");
            }
        }
        if (csp == null) {
            findings.add("Content-Security-Policy missing");
        } else if (csp.toLowerCase(Locale.ROOT).contains("'unsafe-inline'")) {
            findings.add("Content-Security-Policy allows 'unsafe-inline'");
        }
        if (xcto == null || !xcto.strip().equalsIgnoreCase("nosniff")) {
            findings.add("X-Content-Type-Options is not nosniff");
        }
        boolean frameAncestors = csp != null && csp.toLowerCase(Locale.ROOT).matches("(?s).*(^|;)\\s*frame-ancestors\\s.*");
        boolean xfoOk = xfo != null && (xfo.strip().equalsIgnoreCase("DENY") || xfo.strip().equalsIgnoreCase("SAMEORIGIN"));
        if (!frameAncestors && !xfoOk) {
            findings.add("framing not restricted (no X-Frame-Options DENY/SAMEORIGIN and no CSP frame-ancestors)");
        }
        return findings;
    }

    private static String header(HttpResponse<?> response, String name, ObjectNode out) {
        List<String> values = response.headers().allValues(name);
        if (values.isEmpty()) {
            return null;
        }
        String v = String.join(", ", values);
        out.put(name.toLowerCase(Locale.ROOT), v.length() > 2000 ? v.substring(0, 2000) : v);
        return v;
    }

    /** One client per trust configuration: clients own selector threads, so they are reused across runs. */
    private HttpClient client(String trustCert, Duration timeout) throws IOException, GeneralSecurityException {
        String key = (trustCert == null ? "" : trustCert) + "|" + timeout;
        HttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout);
        if (trustCert != null) {
            b.sslContext(contextTrusting(readCertificates(Path.of(trustCert))));
        }
        HttpClient client = b.build();
        HttpClient raced = clients.putIfAbsent(key, client);
        return raced == null ? client : raced;
    }

    static Collection<? extends Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    /** The JDK's trust anchors plus the given certificates. */
    static SSLContext contextTrusting(Collection<? extends Certificate> extra) throws IOException, GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (var tm : defaults.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                for (X509Certificate c : x.getAcceptedIssuers()) {
                    store.setCertificateEntry("default-" + i++, c);
                }
            }
        }
        for (Certificate c : extra) {
            store.setCertificateEntry("extra-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
