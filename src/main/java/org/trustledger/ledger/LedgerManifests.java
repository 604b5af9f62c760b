package org.trustledger.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.trustledger.tlog.Codec;

/**
 * Daily manifests: sealed by a clustered Quartz job shortly after each UTC midnight (the JDBC job
 * store makes one instance run it), on demand by staff, and idempotently either way.
 */
@ApplicationScoped
public class LedgerManifests {

    private static final Logger LOG = Logger.getLogger(LedgerManifests.class);

    private final DataSource dataSource;
    private final LedgerKeys keys;
    private final GovernanceLog governance;
    private final Clock clock;

    public LedgerManifests(DataSource dataSource, LedgerKeys keys, GovernanceLog governance, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.governance = governance;
        this.clock = clock;
    }

    /** Seals {@code day} (and any unsealed day before it); returns the day's manifest. */
    @Transactional
    public ManifestSealer.Sealed seal(LocalDate day, String actor) {
        try (Connection c = dataSource.getConnection()) {
            return ManifestSealer.seal(c, day, keys.current(), clock.instant(), (conn, m) -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.put("date", m.day().toString());
                details.put("manifest_sha256", Codec.toHex(m.sha256()));
                details.put("first_index", m.firstIndex());
                details.put("tree_size", m.treeSize());
                GovernanceChain.append(conn, GovernanceLog.MANIFEST_SEALED, actor, "manifest:" + m.day(), details, clock.instant());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal " + day, e);
        }
    }

    @Scheduled(cron = "${trustledger.ledger.seal-cron}", timeZone = "UTC", identity = "ledger-daily-seal",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealYesterday() {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        ManifestSealer.Sealed s = seal(yesterday, GovernanceLog.SYSTEM);
        if (!s.created().isEmpty()) {
            LOG.infof("Sealed %d daily manifest(s) up to %s.", s.created().size(), yesterday);
        }
    }

    public ManifestSealer.Manifest find(LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            return ManifestSealer.find(c, day);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ManifestSealer.Manifest> list(LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection()) {
            return ManifestSealer.list(c, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
