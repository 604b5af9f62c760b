package org.trustledger.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Signed checkpoints of the evidence log, issued once per tree size. */
@ApplicationScoped
public class LedgerCheckpoints {

    private final DataSource dataSource;
    private final LedgerKeys keys;
    private final Clock clock;

    public LedgerCheckpoints(DataSource dataSource, LedgerKeys keys, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.clock = clock;
    }

    /** The checkpoint of the log as it is now. */
    public CheckpointStore.Issued latest() {
        try (Connection c = dataSource.getConnection()) {
            return CheckpointStore.latest(c, keys.current(), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot issue a checkpoint", e);
        }
    }
}
