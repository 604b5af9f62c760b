package org.trustledger.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trustledger.MutableClockProducer;
import org.trustledger.Staff;
import org.trustledger.common.Role;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.verifier.PackageVerifier;

/**
 * Exports through the HTTP API and checks the package three ways (the verifier in-process,
 * sha256sum + openssl, determinism), plus tampering, roles and bad input. Runs in its own fresh
 * ledger with a movable clock, so evidence can lie on past days and a closed period can be exported
 * twice. Leaves the package in target/export-it/ for {@code AuditPackageVerifierJarIT}.
 */
@QuarkusTest
@TestProfile(ExportLedgerProfile.class)
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path OUT = Path.of("target", "export-it");

    @Inject
    GovernanceLog governance;

    @AfterEach
    void realTime() {
        MutableClockProducer.CLOCK.reset();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static void submitOn(LocalDate day, int hour, int n, String label) {
        MutableClockProducer.CLOCK.set(day.atTime(hour, 0).toInstant(ZoneOffset.UTC));
        try {
            String session = Staff.withRole(Role.COMPLIANCE);
            for (int i = 0; i < n; i++) {
                given().cookie("tl_session", session).contentType(ContentType.JSON)
                        .body(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1", "SOC2:CC1.1"), "status",
                                i % 2 == 0 ? "pass" : "fail", "summary", label + " " + i, "payload", Map.of("label", label, "i", i)))
                        .post("/api/v1/evidence").then().statusCode(201);
            }
        } finally {
            MutableClockProducer.CLOCK.reset();
        }
    }

    private static Response export(String session, Object body) {
        var req = given().contentType(ContentType.JSON).body(body);
        if (session != null) {
            req = req.cookie("tl_session", session);
        }
        return req.post("/api/v1/exports");
    }

    private static Map<String, String> body(String framework, LocalDate from, LocalDate to) {
        return Map.of("framework", framework, "from", from.toString(), "to", to.toString());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private record Run(int status, String output) {
    }

    private static Run verify(byte[] zip, Path key) throws IOException {
        Path file = Files.createTempFile("pkg", ".zip");
        Files.write(file, zip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("verify", file.toString()));
        if (key != null) {
            args.addAll(List.of("--key", key.toString()));
        }
        int rc = PackageVerifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Files.delete(file);
        return new Run(rc, out.toString(StandardCharsets.UTF_8));
    }

    private static int exec(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            System.err.println(String.join(" ", cmd) + " -> " + rc + "\n" + out);
        }
        return rc;
    }

    private static void assertFails(Run r, String expectedLine) {
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("FAIL ") && l.contains(expectedLine)),
                "expected a FAIL line containing '" + expectedLine + "' in:\n" + r.output());
        assertTrue(r.output().contains("RESULT FAIL"), r.output());
    }

    @Test
    void exportedPackageVerifiesThreeWaysIsDeterministicAndCatchesTampering() throws Exception {
        LocalDate d1 = today().minusDays(3);
        LocalDate d2 = today().minusDays(2);
        LocalDate last = today().minusDays(1);
        submitOn(d1, 10, 3, "day one");
        submitOn(d2, 11, 2, "day two");
        String compliance = Staff.withRole(Role.COMPLIANCE);
        given().cookie("tl_session", compliance).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/manifests/" + last + "/seal").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));

        String auditor = Staff.withRole(Role.AUDITOR);
        long eventsBefore = governance.head().size();
        Response r = export(auditor, body("iso27001", d1, last));
        r.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"trustledger-iso27001-" + d1 + "-" + last + ".zip\"");
        byte[] pkg = r.asByteArray();
        assertEquals(eventsBefore + 1, governance.head().size(), "the export is one governance event");
        var event = governance.list(eventsBefore - 1, 1).get(0);
        assertEquals("export", event.kind());
        assertEquals("test-auditor", event.actor());

        // Identical inputs, identical bytes.
        byte[] again = export(Staff.withRole(Role.COMPLIANCE), body("iso27001", d1, last))
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(pkg, again, "exporting the same closed period twice gives the same bytes");

        Map<String, byte[]> files = unzip(pkg);
        JsonNode manifest = JSON.readTree(files.get("package.json"));
        assertEquals(5, manifest.get("evidence_count").asLong());
        assertEquals(0, manifest.get("first_index").asLong());
        assertEquals(5, manifest.get("tree_size").asLong());
        assertEquals("iso27001", manifest.get("framework").asText());
        assertEquals(d1.toString(), manifest.at("/period/from").asText());
        assertEquals(3, manifest.get("manifest_count").asLong());
        assertEquals(64, files.get("package.json.sig").length);
        for (String p : List.of("public-key.pem", "soa.html", "evidence/0.json", "proofs/4.json", "controls/ISO27001_A.5.1.json",
                "manifests/" + d1 + ".json", "manifests/" + last + ".json.sig", "governance/events.jsonl", "governance/head-before.json",
                "policies/information-security.md", "SHA256SUMS")) {
            assertTrue(files.containsKey(p), p + " in " + files.keySet());
        }
        assertEquals(5, JSON.readTree(files.get("controls/ISO27001_A.5.1.json")).get("evidence_count").asInt());
        String soa = new String(files.get("soa.html"), StandardCharsets.UTF_8);
        assertTrue(soa.contains("Statement of Applicability") && soa.contains("ISO27001:A.5.1"), soa.substring(0, 300));

        // The key as published, not the embedded one.
        String pem = given().get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getString("find { it.retired_at == null }.public_key_pem");
        Files.createDirectories(OUT);
        Path key = OUT.resolve("public-key.pem");
        Files.writeString(key, pem);
        Files.write(OUT.resolve("package.zip"), pkg);

        // (b) the verifier, in-process.
        Run ok = verify(pkg, key);
        assertEquals(0, ok.status(), ok.output());
        assertFalse(ok.output().contains("FAIL"), ok.output());
        for (String check : List.of("OK package.json signature", "OK files:", "OK SHA256SUMS", "OK checkpoint signature",
                "OK inclusion: 5 evidence items", "OK manifests: 3", "OK governance chain")) {
            assertTrue(ok.output().contains(check), check + " in\n" + ok.output());
        }
        Run embedded = verify(pkg, null);
        assertEquals(0, embedded.status(), embedded.output());
        assertTrue(embedded.output().contains("WARN no --key given"), embedded.output());

        // (a) sha256sum -c and openssl on the unpacked files.
        Path dir = Files.createTempDirectory("pkg");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        Files.writeString(dir.resolve("published.pem"), pem);
        assertEquals(0, exec(dir, "sha256sum", "--strict", "-c", "SHA256SUMS"));
        assertEquals(0, exec(dir, "openssl", "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "published.pem", "-in", "package.json",
                "-sigfile", "package.json.sig"));
        Files.write(dir.resolve("evidence/1.json"), "tampered".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(0, exec(dir, "sha256sum", "--quiet", "-c", "SHA256SUMS"));

        // Tampering, each caught and named.
        assertFails(verify(tampered(files, m -> {
            byte[] b = m.get("evidence/2.json").clone();
            b[b.length / 2] ^= 1;
            m.put("evidence/2.json", b);
            return m;
        }), key), "evidence/2.json");
        assertFails(verify(tampered(files, m -> {
            byte[] b = m.get("evidence/2.json").clone();
            b[b.length / 2] ^= 1;
            m.put("evidence/2.json", b);
            return m;
        }), key), "inclusion evidence/2.json");
        assertFails(verify(tampered(files, m -> {
            m.remove("proofs/3.json");
            return m;
        }), key), "file proofs/3.json: listed in package.json but missing");
        assertFails(verify(tampered(files, m -> {
            m.put("package.json", new String(m.get("package.json"), StandardCharsets.UTF_8).replace("\"evidence_count\":5", "\"evidence_count\":4")
                    .getBytes(StandardCharsets.UTF_8));
            return m;
        }), key), "package.json signature");
        assertFails(verify(tampered(files, m -> {
            byte[] p0 = m.get("proofs/0.json");
            m.put("proofs/0.json", m.get("proofs/1.json"));
            m.put("proofs/1.json", p0);
            return m;
        }), key), "inclusion evidence/0.json: proofs/0.json is the proof of index 1");
        String day = "manifests/" + d2 + ".json";
        assertFails(verify(tampered(files, m -> {
            m.put(day, new String(m.get(day), StandardCharsets.UTF_8).replace("\"first_index\":3", "\"first_index\":2")
                    .getBytes(StandardCharsets.UTF_8));
            return m;
        }), key), "manifest " + day + ": signature does not verify");
        // The verifier reads the zip in one pass: any entry order verifies, proofs before their evidence included.
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        files.entrySet().stream().sorted(Map.Entry.<String, byte[]>comparingByKey().reversed())
                .forEach(e -> reordered.put(e.getKey(), e.getValue()));
        assertTrue(new ArrayList<>(reordered.keySet()).indexOf("proofs/0.json") < new ArrayList<>(reordered.keySet()).indexOf("evidence/0.json"));
        Run anyOrder = verify(zip(reordered), key);
        assertEquals(0, anyOrder.status(), anyOrder.output());
        assertTrue(anyOrder.output().contains("OK inclusion: 5 evidence items"), anyOrder.output());
        assertFails(verify(tampered(reordered, m -> {
            m.remove("evidence/4.json");
            return m;
        }), key), "evidence/4.json: missing");
        assertFails(verify(tampered(files, m -> {
            String events = new String(m.get("governance/events.jsonl"), StandardCharsets.UTF_8);
            m.put("governance/events.jsonl", ("{\"event\":{\"seq\":0}}\n" + events).getBytes(StandardCharsets.UTF_8));
            return m;
        }), key), "governance/events.jsonl line 1: malformed");
        assertFails(verify(tampered(files, m -> {
            String sums = new String(m.get("SHA256SUMS"), StandardCharsets.UTF_8);
            m.put("SHA256SUMS", sums.substring(0, sums.length() - 1).getBytes(StandardCharsets.UTF_8));
            return m;
        }), key), "SHA256SUMS: does not end in a newline");
        assertFails(verify(tampered(files, m -> {
            String sums = new String(m.get("SHA256SUMS"), StandardCharsets.UTF_8);
            m.put("SHA256SUMS", (sums + sums.lines().findFirst().orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8));
            return m;
        }), key), "listed twice");
        Path otherKey = OUT.resolve("other-key.pem");
        Files.writeString(otherKey, "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n");
        assertFails(verify(pkg, otherKey), "package.json signature");
    }

    private static byte[] tampered(Map<String, byte[]> files, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        return zip(change.apply(new LinkedHashMap<>(files)));
    }

    @Test
    void aPeriodWithoutEvidenceGivesAValidPackageThatSaysSo() throws Exception {
        LocalDate from = today().minusDays(40);
        byte[] pkg = export(Staff.withRole(Role.COMPLIANCE), body("soc2", from, from.plusDays(1))).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> files = unzip(pkg);
        JsonNode manifest = JSON.readTree(files.get("package.json"));
        assertEquals(0, manifest.get("evidence_count").asLong());
        assertEquals("soc2", manifest.get("framework").asText());
        assertTrue(files.containsKey("criteria-status.html"));
        assertTrue(new String(files.get("criteria-status.html"), StandardCharsets.UTF_8).contains("No evidence was collected in this period"));
        assertFalse(files.keySet().stream().anyMatch(p -> p.startsWith("evidence/")));
        Run r = verify(pkg, null);
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("OK evidence: the period has no evidence"), r.output());
    }

    @Test
    void rolesAreEnforced() {
        LocalDate d = today().minusDays(1);
        export(Staff.withRole(Role.AUDITOR), body("iso27001", d, d)).then().statusCode(200);
        export(Staff.withRole(Role.COMPLIANCE), body("iso27001", d, d)).then().statusCode(200);
        export(Staff.admin(), body("soc2", d, d)).then().statusCode(200);
        String privacy = Staff.withRole(Role.PRIVACY);
        long before = governance.head().size();
        export(privacy, body("iso27001", d, d)).then().statusCode(403);
        export(null, body("iso27001", d, d)).then().statusCode(401);
        // Neither writes an export event.
        assertEquals(before, governance.head().size());
    }

    @Test
    void badInputIsAProblemAndWritesNoEvent() {
        String session = Staff.withRole(Role.AUDITOR);
        LocalDate t = today();
        List<Object[]> cases = List.of(
                new Object[] {Map.of("framework", "gdpr", "from", t.minusDays(2).toString(), "to", t.toString()), 400},
                new Object[] {Map.of("from", t.minusDays(2).toString(), "to", t.toString()), 400},
                new Object[] {Map.of("framework", "iso27001", "from", t.toString(), "to", t.minusDays(1).toString()), 422},
                new Object[] {Map.of("framework", "iso27001", "from", t.toString(), "to", t.plusDays(1).toString()), 422},
                new Object[] {Map.of("framework", "iso27001", "from", t.minusDays(366).toString(), "to", t.toString()), 422},
                new Object[] {Map.of("framework", "iso27001", "from", "2025-02-30", "to", t.toString()), 400},
                new Object[] {Map.of("framework", "iso27001", "from", "2025-1-01", "to", t.toString()), 400},
                new Object[] {Map.of("framework", "iso27001", "from", t.toString(), "to", "tomorrow"), 400},
                new Object[] {Map.of("framework", "iso27001", "from", t.toString(), "to", t.toString(), "extra", 1), 400},
                new Object[] {"{\"framework\":\"iso27001\",", 400},
                new Object[] {"", 400});
        for (Object[] c : cases) {
            long before = governance.head().size();
            export(session, c[0]).then().statusCode((Integer) c[1]).contentType("application/problem+json");
            assertEquals(before, governance.head().size(), "no event for " + c[0]);
        }
        // 366 days (both ends included) is the limit and allowed.
        export(session, Map.of("framework", "iso27001", "from", t.minusDays(365).toString(), "to", t.toString())).then().statusCode(200);
    }
}
