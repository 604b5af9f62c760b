package org.trustledger.privacy;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * HMAC-SHA256 of requesters' email addresses. The key lives outside the database (a 0600 file or an
 * environment variable), so a database dump alone cannot confirm a guessed address. Each digest carries
 * the id of its key, so a rotated-out key can still be listed in {@link #everyKey()} for searches.
 */
@Startup // a missing or unreadable key stops the start, not the first request
@ApplicationScoped
public class EmailHmac {

    private static final Logger LOG = Logger.getLogger(EmailHmac.class);
    static final int KEY_BYTES = 32;

    public record Key(String id, byte[] secret) {
    }

    public record Digest(String keyId, byte[] hmac) {
    }

    private final Key current;

    public EmailHmac(DsrConfig config) {
        if (config.emailHmacKey().isPresent() && !config.emailHmacKey().get().isBlank()) {
            this.current = fromBase64(config.emailHmacKey().get(), "TRUSTLEDGER_DSR_EMAIL_HMAC_KEY");
        } else {
            this.current = loadOrCreate(Path.of(config.emailHmacKeyFile()));
        }
    }

    /** The digest to store for a new request; {@code email} is already {@link EmailAddress#normalise normalised}. */
    public Digest digest(String email) {
        return digest(current, email);
    }

    /** The digests to look for when searching: one per key still known (today only the current one). */
    public List<Digest> digestsWithEveryKey(String email) {
        return everyKey().stream().map(k -> digest(k, email)).toList();
    }

    List<Key> everyKey() {
        return List.of(current);
    }

    private static Digest digest(Key key, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return new Digest(key.id(), mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** First 8 hex digits of the key's SHA-256: names the key without revealing it. */
    static String keyId(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Key fromBase64(String text, String source) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": the email HMAC key is not valid base64");
        }
        if (secret.length != KEY_BYTES) {
            throw new ConfigurationException(source + ": the email HMAC key must be " + KEY_BYTES + " bytes, found " + secret.length);
        }
        return new Key(keyId(secret), secret);
    }

    /**
     * Reads the key file, creating it first if absent. Creation is atomic across processes: the key is
     * written and synced to a private temporary file, then hard-linked to its name, which fails if another
     * instance got there first; the loser then reads the winner's key, never a half-written one.
     */
    static Key loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!Files.exists(absolute)) {
                create(absolute);
            }
            if (posix(absolute)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(absolute);
                if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(perms)) {
                    throw new ConfigurationException(absolute + ": the email HMAC key file must be readable by its owner only (chmod 600); it is "
                            + PosixFilePermissions.toString(perms));
                }
            }
            return fromBase64(Files.readString(absolute, StandardCharsets.US_ASCII), absolute.toString());
        } catch (IOException e) {
            throw new ConfigurationException(absolute + ": cannot read or create the email HMAC key (" + e.getMessage() + ")");
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        boolean posix = posix(file);
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        byte[] content = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, ".dsr-email-hmac-", ".tmp", attrs);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(content));
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp);
                LOG.infof("Created the email HMAC key %s (key id %s).", file, keyId(secret));
            } catch (FileAlreadyExistsException e) {
                // Another instance created it between our check and our link: use theirs.
            } catch (UnsupportedOperationException e) {
                // No hard links on this file system: an exclusive create is still race-free, if not all-or-nothing.
                try {
                    Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                } catch (FileAlreadyExistsException raced) {
                    // as above
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
