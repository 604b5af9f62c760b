package org.trustledger.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trustledger.MutableClockProducer;
import org.trustledger.Staff;
import org.trustledger.common.Role;
import org.trustledger.ledger.LedgerVerifier;
import org.trustledger.ledger.ManifestSealer;
import org.trustledger.tlog.SigningKey;
import org.trustledger.verifier.PackageVerifier;

/**
 * A period whose first manifest was sealed by a key that has since been replaced: the package carries that key as
 * keys/&lt;key_id&gt;.pem, listed in the signed package.json, and the verifier checks the old manifest with it.
 */
@QuarkusTest
@TestProfile(KeyRotationLedgerProfile.class)
class AuditExportKeyRotationTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        MutableClockProducer.CLOCK.reset();
    }

    private static void submitOn(LocalDate day, int n) {
        MutableClockProducer.CLOCK.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        try {
            String session = Staff.withRole(Role.COMPLIANCE);
            for (int i = 0; i < n; i++) {
                given().cookie("tl_session", session).contentType(ContentType.JSON)
                        .body(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1"), "status", "pass", "summary", "item " + i, "payload", Map.of("i", i)))
                        .post("/api/v1/evidence").then().statusCode(201);
            }
        } finally {
            MutableClockProducer.CLOCK.reset();
        }
    }

    private record Run(int status, String output) {
    }

    private static Run verify(byte[] zip, Path key) throws Exception {
        Path file = Files.createTempFile("pkg", ".zip");
        Files.write(file, zip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = PackageVerifier.run(new String[] {"verify", file.toString(), "--key", key.toString()}, ps, ps);
        Files.delete(file);
        return new Run(rc, out.toString(StandardCharsets.UTF_8));
    }

    private static void assertFails(Run r, String expected) {
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("FAIL ") && l.contains(expected)), expected + " in\n" + r.output());
    }

    @Test
    void manifestsSignedByAnEarlierKeyVerifyWithTheKeyThePackageCarries() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate d1 = today.minusDays(3);
        LocalDate d2 = today.minusDays(2);
        LocalDate last = today.minusDays(1);

        // The key the ledger used before the current one: registered (retired), and sealing the first day.
        SigningKey earlier = new SigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()),
                ConfigProvider.getConfig().getValue("trustledger.ledger.origin", String.class));
        submitOn(d1, 3);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ledger_key (key_id, algorithm, public_key, origin, created_at, retired_at) VALUES (?, 'Ed25519', ?, ?, ?, ?)
                    """)) {
                OffsetDateTime longAgo = OffsetDateTime.ofInstant(Instant.now().minusSeconds(30 * 86400), ZoneOffset.UTC);
                ps.setString(1, earlier.keyId());
                ps.setBytes(2, earlier.publicKey());
                ps.setString(3, earlier.origin());
                ps.setObject(4, longAgo);
                ps.setObject(5, longAgo.plusDays(1));
                ps.executeUpdate();
            }
            ManifestSealer.seal(c, d1, earlier, Instant.now(), null);
            c.commit();
        }
        submitOn(d2, 2);
        given().cookie("tl_session", Staff.withRole(Role.COMPLIANCE)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/manifests/" + last + "/seal").then().statusCode(201);
        try (Connection c = dataSource.getConnection()) {
            LedgerVerifier.Result ledger = LedgerVerifier.verify(c);
            assertTrue(ledger.ok(), () -> String.valueOf(ledger.problem()));
        }

        byte[] pkg = given().cookie("tl_session", Staff.withRole(Role.AUDITOR)).contentType(ContentType.JSON)
                .body(Map.of("framework", "iso27001", "from", d1.toString(), "to", last.toString()))
                .post("/api/v1/exports").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> files = AuditExportTest.unzip(pkg);
        String keyFile = "keys/" + earlier.keyId() + ".pem";
        assertEquals(earlier.publicKeyPem(), new String(files.get(keyFile), StandardCharsets.US_ASCII));
        assertTrue(new String(files.get("package.json"), StandardCharsets.UTF_8).contains("\"path\":\"" + keyFile + "\""));
        assertEquals(List.of(keyFile), new ArrayList<>(files.keySet()).stream().filter(p -> p.startsWith("keys/")).toList(),
                "only the earlier key: the current one signs package.json and is given to the verifier");

        String pem = given().get("/api/v1/keys").then().statusCode(200).extract().jsonPath()
                .getString("find { it.retired_at == null }.public_key_pem");
        Path key = Files.createTempFile("key", ".pem");
        Files.writeString(key, pem);
        Run ok = verify(pkg, key);
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().contains("OK manifests: 3 signatures and previous_manifest_sha256 chain (1 signed by earlier keys"),
                ok.output());

        // Without the key file, or with another key under its name, the old manifest no longer verifies.
        Map<String, byte[]> without = new LinkedHashMap<>(files);
        without.remove(keyFile);
        assertFails(verify(AuditExportTest.zip(without), key), "signed by key " + earlier.keyId() + ", neither the package key");
        Map<String, byte[]> swapped = new LinkedHashMap<>(files);
        swapped.put(keyFile, new SigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()), "x").publicKeyPem()
                .getBytes(StandardCharsets.US_ASCII));
        assertFails(verify(AuditExportTest.zip(swapped), key), keyFile + ": holds key");
        assertFails(verify(AuditExportTest.zip(swapped), key), "file " + keyFile + ": sha256");
        Files.delete(key);
    }
}
