package org.trustledger.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustledger.tlog.Ed25519Keys;

class LedgerKeyFileTest {

    @TempDir
    Path tmp;

    @Test
    void firstStartCreatesAPrivateKeyFileOnceEvenWhenInstancesRace() throws Exception {
        Path key = tmp.resolve("data/keys/ledger-ed25519.pem");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Ed25519PrivateKeyParameters>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return LedgerKeys.loadOrCreate(key);
            }));
        }
        start.countDown();
        byte[] first = results.get(0).get().getEncoded();
        for (Future<Ed25519PrivateKeyParameters> r : results) {
            assertArrayEquals(first, r.get().getEncoded(), "every instance ends up with the same key");
        }
        pool.shutdown();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        try (Stream<Path> files = Files.list(key.getParent())) {
            assertEquals(List.of(key.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary files left behind");
        }
        // A later start reads the same key back.
        assertArrayEquals(first, LedgerKeys.loadOrCreate(key).getEncoded());
        assertEquals(Files.readString(key), Ed25519Keys.toPkcs8Pem(LedgerKeys.loadOrCreate(key)));
    }
}
