package org.trustledger.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519PemTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    // RFC 8032 TEST 1 key; its PKCS#8 v1 / SPKI DER forms are fixed prefixes plus the raw key (RFC 8410).
    private static final byte[] SEED = Codec.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    @Test
    void derLayoutIsRfc8410() {
        Ed25519PrivateKeyParameters key = Ed25519Keys.fromSeed(SEED);
        String pem = Ed25519Keys.toPkcs8Pem(key);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n") && pem.endsWith("-----END PRIVATE KEY-----\n"), pem);
        byte[] der = Codec.fromBase64(pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat));
        assertEquals("302e020100300506032b657004220420" + Codec.toHex(SEED), Codec.toHex(der));

        String pub = Ed25519Keys.toSpkiPem(key.generatePublicKey());
        byte[] spki = Codec.fromBase64(pub.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat));
        assertEquals("302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                Codec.toHex(spki));
    }

    @Test
    void pemRoundTrips() {
        for (int i = 0; i < 20; i++) {
            Ed25519PrivateKeyParameters key = Ed25519Keys.generate(new SecureRandom());
            Ed25519PrivateKeyParameters back = Ed25519Keys.fromPkcs8Pem(Ed25519Keys.toPkcs8Pem(key));
            assertArrayEquals(key.getEncoded(), back.getEncoded());
            Ed25519PublicKeyParameters pub = key.generatePublicKey();
            assertArrayEquals(pub.getEncoded(), Ed25519Keys.fromSpkiPem(Ed25519Keys.toSpkiPem(pub)).getEncoded());
        }
        // CRLF line endings and surrounding white space are tolerated.
        String pem = Ed25519Keys.toPkcs8Pem(Ed25519Keys.fromSeed(SEED)).replace("\n", "\r\n");
        assertArrayEquals(SEED, Ed25519Keys.fromPkcs8Pem("\n" + pem + "\n").getEncoded());
    }

    @Test
    void pemRejectsWrongContent() {
        Ed25519PrivateKeyParameters key = Ed25519Keys.fromSeed(SEED);
        String priv = Ed25519Keys.toPkcs8Pem(key);
        String pub = Ed25519Keys.toSpkiPem(key.generatePublicKey());
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.fromPkcs8Pem(pub));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.fromSpkiPem(priv));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.fromPkcs8Pem(priv + priv));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.fromPkcs8Pem(priv.replace("MC4C", "MC4D")));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.fromSeed(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.publicKey(new byte[33]));
    }

    /** OpenSSL must read our PEMs and accept our raw Ed25519 signatures. */
    @Test
    void opensslVerifiesOurSignatures(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl not installed");
        Ed25519PrivateKeyParameters key = Ed25519Keys.generate(new SecureRandom());
        byte[] data = "evidence bytes \u2014 signed by TrustLedger\n".getBytes(StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("key.pem"), Ed25519Keys.toPkcs8Pem(key));
        Files.writeString(dir.resolve("pub.pem"), Ed25519Keys.toSpkiPem(key.generatePublicKey()));
        Files.write(dir.resolve("data"), data);
        Files.write(dir.resolve("sig"), Ed25519Keys.sign(key, data));

        assertEquals(0, openssl(dir, "pkey", "-in", "key.pem", "-noout"));
        assertEquals(0, openssl(dir, "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem",
                "-in", "data", "-sigfile", "sig"));

        // And the converse: OpenSSL's public key export of our private key matches ours.
        assertEquals(0, openssl(dir, "pkey", "-in", "key.pem", "-pubout", "-out", "pub2.pem"));
        assertEquals(Files.readString(dir.resolve("pub.pem")), Files.readString(dir.resolve("pub2.pem")));

        // A tampered message must be refused.
        data[0] ^= 1;
        Files.write(dir.resolve("data"), data);
        assertTrue(openssl(dir, "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem",
                "-in", "data", "-sigfile", "sig") != 0);
    }

    private static int openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(OPENSSL.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl timed out");
        return p.exitValue();
    }
}
