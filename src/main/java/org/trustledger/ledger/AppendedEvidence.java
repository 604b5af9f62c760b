package org.trustledger.ledger;

import java.time.Instant;
import java.util.UUID;

/** An evidence item as the log holds it; {@code treeSize} is the log size right after its batch. */
public record AppendedEvidence(long index, UUID id, String collector, Instant collectedAt, byte[] leafHash, byte[] payloadSha256,
        long treeSize) {
}
