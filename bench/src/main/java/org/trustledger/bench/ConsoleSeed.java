package org.trustledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trustledger.tlog.ChainHash;

/**
 * The console benchmark's database: 1,000,000 evidence items (real leaves and subtree nodes, spread over the last
 * 60 days and over the sample organisation's collectors, each with its collector run), 50,000 gaps, 20,000 DSR cases,
 * 200,000 governance events (a valid hash chain) and 500 breaches. Usage: {@code ConsoleSeed <database> <collectors dir>}.
 */
public final class ConsoleSeed {

    static final int EVIDENCE = 1_000_000;
    static final int GAPS = 50_000;
    static final int DSR_CASES = 20_000;
    static final int GOVERNANCE_EVENTS = 200_000;
    static final int BREACHES = 500;

    private ConsoleSeed() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        List<String> collectors = collectorIds(Path.of(args[1]));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(60, ChronoUnit.DAYS);
        long t0 = System.nanoTime();
        BenchDb.recreate(db);
        // 60 days in microseconds over 1M items.
        LedgerDbBench.bulkLoad(db, EVIDENCE, i -> collectors.get((int) (i % collectors.size())), from, 60L * 86_400_000_000L / EVIDENCE);
        System.out.printf("seed: %d evidence items over %d collectors (%.0f s)%n", EVIDENCE, collectors.size(), (System.nanoTime() - t0) / 1e9);
        try (Connection c = BenchDb.connect(db); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO collector_run (collector_id, origin, started_at, finished_at, collected_at, status, summary, payload,
                                               payload_sha256, controls, evidence_index)
                    SELECT collector, 'schedule', collected_at, collected_at, collected_at, status, summary, jsonb_build_object('n', idx),
                           payload_sha256, controls, idx
                      FROM evidence ORDER BY idx""");
            s.execute("""
                    INSERT INTO gap (source, controls, severity, status, reason, opened_at, last_seen_at, assignee, resolution, closed_at, closed_by)
                    SELECT CASE WHEN g % 10 = 0 THEN 'bench-source-' || g ELSE 'bench-closed-' || (g % 500) END,
                           ARRAY['ISO27001:A.8.15', 'SOC2:CC7.2'], (ARRAY['low', 'medium', 'high', 'critical'])[1 + g % 4],
                           CASE WHEN g % 10 = 0 THEN 'open' ELSE 'closed' END, 'Synthetic finding number ' || g,
                           now() - make_interval(mins => g), now() - make_interval(mins => g / 2),
                           CASE WHEN g % 3 = 0 THEN 'admin' END,
                           CASE WHEN g % 10 <> 0 THEN 'Fixed in the bench' END,
                           CASE WHEN g % 10 <> 0 THEN now() - make_interval(mins => g / 3) END,
                           CASE WHEN g % 10 <> 0 THEN 'admin' END
                      FROM generate_series(1, :n) g""".replace(":n", Integer.toString(GAPS)));
            s.execute("INSERT INTO gap_event (gap_id, at, actor, action, detail) SELECT id, opened_at, 'system', 'opened', reason FROM gap");
            s.execute("""
                    INSERT INTO dsr_case (token_sha256, email_hmac, email_key_id, request_type, jurisdiction, details, status,
                                          received_at, due_at, updated_at)
                    SELECT sha256(convert_to('bench-token-' || g, 'UTF8')), sha256(convert_to('bench-mail-' || g, 'UTF8')), '0000abcd',
                           (ARRAY['access', 'erasure', 'rectification', 'portability'])[1 + g % 4], 'EU_GDPR', NULL,
                           (ARRAY['received', 'verifying', 'in_progress', 'completed', 'rejected'])[1 + g % 5],
                           now() - make_interval(mins => g * 5), date_trunc('day', now() - make_interval(mins => g * 5)) + interval '31 days' - interval '1 second',
                           now()
                      FROM generate_series(1, :n) g""".replace(":n", Integer.toString(DSR_CASES)));
            s.execute("""
                    INSERT INTO dsr_case_event (case_id, at, actor, kind, from_status, to_status)
                    SELECT id, received_at, NULL, 'received', NULL, 'received' FROM dsr_case""");
            s.execute("""
                    INSERT INTO breach (title, description, aware_at, personal_data_affected, our_role, high_risk_to_subjects,
                                        authority_notification_required, status, created_at, updated_at, closed_at)
                    SELECT 'Synthetic breach ' || g, 'Bench data', now() - make_interval(hours => g * 3), g % 2 = 0, 'controller',
                           false, g % 2 = 0, CASE WHEN g % 20 = 0 THEN 'open' ELSE 'closed' END,
                           now() - make_interval(hours => g * 3), now(), CASE WHEN g % 20 = 0 THEN NULL ELSE now() END
                      FROM generate_series(1, :n) g""".replace(":n", Integer.toString(BREACHES)));
        }
        System.out.printf("seed: runs, %d gaps, %d DSR cases, %d breaches (%.0f s)%n", GAPS, DSR_CASES, BREACHES, (System.nanoTime() - t0) / 1e9);
        governance(db, from);
        try (Connection c = BenchDb.connect(db); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        System.out.printf("seed: %d governance events; done (%.0f s)%n", GOVERNANCE_EVENTS, (System.nanoTime() - t0) / 1e9);
    }

    /** A valid chain: every event hashed over its predecessor as the server does it. */
    private static void governance(String db, Instant from) throws Exception {
        String[] kinds = {"login", "collector_run", "gap_changed", "dsr_changed", "register_changed", "evidence_submitted", "export"};
        String[] actors = {"admin", "alice.compliance", "bob.privacy", "carol.auditor", "system"};
        byte[] prev = ChainHash.zero();
        try (Connection c = BenchDb.connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO governance_event (seq, occurred_at, kind, actor, subject, canonical, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                long step = 60L * 86_400_000L / GOVERNANCE_EVENTS;
                for (int seq = 0; seq < GOVERNANCE_EVENTS; seq++) {
                    Instant at = from.plusMillis(seq * step);
                    String kind = kinds[seq % kinds.length];
                    String actor = actors[seq % actors.length];
                    String subject = "bench-" + (seq % 1000);
                    byte[] canonical = ChainHash.canonicalEvent(seq, at, kind, actor, subject,
                            JsonNodeFactory.instance.objectNode().put("n", seq));
                    byte[] hash = ChainHash.next(prev, canonical);
                    ps.setLong(1, seq);
                    ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.setString(3, kind);
                    ps.setString(4, actor);
                    ps.setString(5, subject);
                    ps.setBytes(6, canonical);
                    ps.setBytes(7, prev);
                    ps.setBytes(8, hash);
                    ps.addBatch();
                    prev = hash;
                    if (seq % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE governance_head SET size = ?, hash = ?")) {
                ps.setLong(1, GOVERNANCE_EVENTS);
                ps.setBytes(2, prev);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** The {@code id:} of every collector definition in the directory, in file-name order. */
    static List<String> collectorIds(Path dir) throws Exception {
        Pattern id = Pattern.compile("(?m)^id:\\s*\"?([A-Za-z0-9._-]+)\"?\\s*$");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
                try {
                    Matcher m = id.matcher(Files.readString(p));
                    return m.find() ? m.group(1) : p.getFileName().toString().replaceAll("\\.yaml$", "");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
