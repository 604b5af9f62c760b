package org.trustledger.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailHmacTest {

    @TempDir
    Path tmp;

    @Test
    void createsThePrivateKeyFileOnceAndReusesIt() throws Exception {
        Path file = tmp.resolve("data/secrets/dsr-email-hmac.key");
        EmailHmac.Key first = EmailHmac.loadOrCreate(file);
        assertEquals(32, first.secret().length);
        assertTrue(first.id().matches("[0-9a-f]{8}"), first.id());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())));
        EmailHmac.Key again = EmailHmac.loadOrCreate(file);
        assertArrayEquals(first.secret(), again.secret());
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary files left behind");
        }
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() throws Exception {
        Path file = tmp.resolve("race/dsr-email-hmac.key");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<EmailHmac.Key>> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(pool.submit(() -> {
                go.await();
                return EmailHmac.loadOrCreate(file);
            }));
        }
        go.countDown();
        List<byte[]> seen = new ArrayList<>();
        for (Future<EmailHmac.Key> k : keys) {
            seen.add(k.get().secret());
        }
        byte[] onDisk = Base64.getDecoder().decode(Files.readString(file).strip());
        for (byte[] s : seen) {
            assertArrayEquals(onDisk, s);
        }
        pool.shutdown();
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path file = tmp.resolve("dsr-email-hmac.key");
        EmailHmac.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EmailHmac.loadOrCreate(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void refusesMalformedKeys() throws Exception {
        Path file = tmp.resolve("bad.key");
        Files.writeString(file, "not base64 at all!");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThrows(ConfigurationException.class, () -> EmailHmac.loadOrCreate(file));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EmailHmac.fromBase64(shortKey, "TRUSTLEDGER_DSR_EMAIL_HMAC_KEY"));
        assertTrue(e.getMessage().startsWith("TRUSTLEDGER_DSR_EMAIL_HMAC_KEY: "), e.getMessage());
        assertTrue(!e.getMessage().contains(shortKey), "the message never repeats the key");
    }

    @Test
    void anEnvironmentKeyIsUsedAsIsAndNoFileIsCreated() throws Exception {
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) i;
        }
        Path file = tmp.resolve("unused/dsr-email-hmac.key");
        EmailHmac hmac = new EmailHmac(config(Optional.of(Base64.getEncoder().encodeToString(secret)), file));
        assertTrue(!Files.exists(file.getParent()));
        EmailHmac.Digest d = hmac.digest("alice@example.org");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        assertArrayEquals(mac.doFinal("alice@example.org".getBytes(java.nio.charset.StandardCharsets.UTF_8)), d.hmac());
        // Key id: the first 4 bytes of SHA-256(key), in hex.
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(secret);
        assertEquals(HexFormat.of().formatHex(sha, 0, 4), d.keyId());
        assertEquals(1, hmac.digestsWithEveryKey("alice@example.org").size());
    }

    private static DsrConfig config(Optional<String> key, Path file) {
        return new DsrConfig() {
            @Override
            public int rateLimitPerHour() {
                return 5;
            }

            @Override
            public Optional<String> emailHmacKey() {
                return key;
            }

            @Override
            public String emailHmacKeyFile() {
                return file.toString();
            }
        };
    }
}
