package org.trustledger.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trustledger.tlog.CompactRange;

/**
 * What the ledger checks learn on the way and later checks compare against: recomputed roots at
 * the sizes checkpoints and manifests name, per-day leaf ranges and batch roots, the keys, and the
 * governance event hashes that manifests name. Mutable, used by one verification run.
 */
final class LedgerFacts {

    long leafCount;
    final CompactRange range = new CompactRange();
    Instant lastCollected;
    /** Tree sizes that a checkpoint or manifest names: the leaf pass records the root at each. */
    final Set<Long> wantedSizes = new HashSet<>();
    final Map<Long, byte[]> rootsAt = new HashMap<>();
    /** UTC day to {first index, count} of its leaves. */
    final TreeMap<LocalDate, long[]> days = new TreeMap<>();
    final Map<LocalDate, byte[]> batchRoots = new HashMap<>();
    /** key_id to raw Ed25519 public key. */
    final Map<String, byte[]> keys = new HashMap<>();
    /** Governance seqs that a manifest's governance_head names, and the recomputed hash of each. */
    final Set<Long> wantedEvents = new HashSet<>();
    final Map<Long, byte[]> eventHashes = new HashMap<>();
}
