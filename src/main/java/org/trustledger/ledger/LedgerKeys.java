package org.trustledger.ledger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Rfc3339;
import org.trustledger.tlog.SigningKey;

/**
 * The ledger's signing key: read from the configured PEM file, or created there on first start.
 * Creation is atomic across instances sharing the directory: the key goes to a private temporary
 * file which is then hard-linked to the final name, which fails rather than replaces if another
 * instance got there first (then theirs is read). On every start the key is listed in
 * {@code ledger_key} and older keys are marked retired; they stay listed so old signatures verify.
 */
@ApplicationScoped
public class LedgerKeys {

    private static final Logger LOG = Logger.getLogger(LedgerKeys.class);
    private static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");

    private final LedgerConfig config;
    private final DataSource dataSource;
    private final GovernanceLog governance;
    private final Clock clock;
    private volatile SigningKey current;

    public LedgerKeys(LedgerConfig config, DataSource dataSource, GovernanceLog governance, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.governance = governance;
        this.clock = clock;
    }

    /** A listed key, as served at /api/v1/keys. */
    public record KeyInfo(String keyId, String algorithm, byte[] publicKey, String origin, Instant createdAt, Instant retiredAt) {
    }

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        SigningKey key = new SigningKey(loadOrCreate(config.keyPath()), config.origin());
        register(key);
        current = key;
    }

    /** The key new checkpoints and manifests are signed with. */
    public SigningKey current() {
        SigningKey k = current;
        if (k == null) {
            throw new IllegalStateException("ledger key not loaded yet");
        }
        return k;
    }

    private void register(SigningKey key) {
        Instant now = Rfc3339.millis(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            boolean inserted;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ledger_key (key_id, algorithm, public_key, origin, created_at) VALUES (?, 'Ed25519', ?, ?, ?)
                    ON CONFLICT (key_id) DO NOTHING
                    """)) {
                ps.setString(1, key.keyId());
                ps.setBytes(2, key.publicKey());
                ps.setString(3, key.origin());
                ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                inserted = ps.executeUpdate() == 1;
            }
            // A key that comes back (say, restored from a backup) is current again.
            try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_key SET retired_at = NULL WHERE key_id = ? AND retired_at IS NOT NULL")) {
                ps.setString(1, key.keyId());
                ps.executeUpdate();
            }
            List<String> retired = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ledger_key SET retired_at = ? WHERE key_id <> ? AND retired_at IS NULL RETURNING key_id")) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(2, key.keyId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        retired.add(rs.getString(1));
                    }
                }
            }
            if (inserted) {
                LOG.infof("Ledger signing key %s registered (origin %s).", key.keyId(), key.origin());
                governance.record(GovernanceLog.KEY_CREATED, GovernanceLog.SYSTEM, key.keyId(),
                        Map.of("algorithm", "Ed25519", "origin", key.origin(), "note_verifier_key", key.noteVerifier().encode()));
            }
            for (String old : retired) {
                governance.record(GovernanceLog.KEY_RETIRED, GovernanceLog.SYSTEM, old, Map.of("replaced_by", key.keyId()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register the ledger key", e);
        }
    }

    public List<KeyInfo> list() {
        List<KeyInfo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT key_id, algorithm, public_key, origin, created_at, retired_at FROM ledger_key ORDER BY created_at, key_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime retired = rs.getObject(6, OffsetDateTime.class);
                out.add(new KeyInfo(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), retired == null ? null : retired.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters loadOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            warnIfReadableByOthers(path);
            return Ed25519Keys.fromPkcs8Pem(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            // The message names the file but never includes its contents.
            throw new ConfigurationException("trustledger.ledger.key-path: cannot use " + path + ": "
                    + e.getClass().getSimpleName() + (e instanceof IllegalArgumentException ? " (not an Ed25519 PKCS#8 PEM)" : ""));
        }
    }

    private static void create(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_0700));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
        String pem = Ed25519Keys.toPkcs8Pem(Ed25519Keys.generate(new SecureRandom()));
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".ledger-key-", ".tmp", PosixFilePermissions.asFileAttribute(FILE_0600));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".ledger-key-", ".tmp");
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC)) {
                out.write(pem.getBytes(StandardCharsets.US_ASCII));
            }
            try {
                Files.createLink(path, tmp);
                LOG.infof("Created a new ledger signing key at %s.", path);
            } catch (FileAlreadyExistsException e) {
                LOG.infof("Another instance created the ledger signing key at %s first; using it.", path);
            } catch (UnsupportedOperationException e) {
                // No hard links on this file system: a plain move, which also refuses to replace.
                try {
                    Files.move(tmp, path);
                } catch (FileAlreadyExistsException e2) {
                    LOG.infof("Another instance created the ledger signing key at %s first; using it.", path);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void warnIfReadableByOthers(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warnf("Ledger signing key %s is readable by group or others; chmod 600 it.", path);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
