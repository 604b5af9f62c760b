package org.trustledger.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Moves queued governance events onto the chain in batches: one head lock and one commit per batch instead of
 * one per request. Drainers on several instances take turns on the head lock, so each event is appended once and
 * in queue order.
 */
@ApplicationScoped
public class GovernanceOutbox {

    static final int BATCH = 1000;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    public GovernanceOutbox(DataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(identity = "governance-outbox", every = "${trustledger.ledger.outbox-drain-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drainAll() {
        while (drain() == BATCH) {
            // keep going until the queue is shorter than a batch
        }
    }

    /** Appends up to one batch of queued events, in queue order; returns how many. */
    @Transactional
    public int drain() {
        try (Connection c = dataSource.getConnection()) {
            // The head lock first: drainers take turns, so queue order is chain order.
            GovernanceChain.head(c, true);
            List<Long> ids = new ArrayList<>();
            List<GovernanceChain.Pending> batch = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, kind, actor, subject, details FROM governance_outbox ORDER BY id LIMIT ? FOR UPDATE")) {
                ps.setInt(1, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        batch.add(new GovernanceChain.Pending(rs.getString(2), rs.getString(3), rs.getString(4), mapper.readTree(rs.getBytes(5))));
                    }
                }
            }
            GovernanceChain.appendAll(c, batch, clock.instant());
            if (!batch.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM governance_outbox WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    ps.executeUpdate();
                }
            }
            return batch.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drain the governance outbox", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
