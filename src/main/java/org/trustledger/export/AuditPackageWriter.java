package org.trustledger.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.trustledger.collect.CollectorRegistry;
import org.trustledger.controls.Control;
import org.trustledger.controls.ControlCatalog;
import org.trustledger.controls.Framework;
import org.trustledger.ledger.CheckpointStore;
import org.trustledger.ledger.GovernanceChain;
import org.trustledger.ledger.GovernanceLog;
import org.trustledger.ledger.LedgerKeys;
import org.trustledger.ledger.LedgerStore;
import org.trustledger.ledger.ManifestSealer;
import org.trustledger.ledger.StoredTree;
import org.trustledger.policies.Policy;
import org.trustledger.policies.PolicyLibrary;
import org.trustledger.system.SystemDescription;
import org.trustledger.tlog.ChainHash;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Ed25519Keys;
import org.trustledger.tlog.Hashes;
import org.trustledger.tlog.Jcs;
import org.trustledger.tlog.Rfc3339;
import org.trustledger.tlog.SigningKey;

/**
 * Writes the audit package as a zip, entry by entry, straight to the response.
 *
 * <p>The package checkpoint is the log's head at the end of the period: the signed checkpoint at
 * tree size N = number of leaves collected before {@code to}+1 00:00Z (the current size when the
 * period ends today). The period's evidence is leaves [first, N) where first = leaves collected before
 * {@code from}. Everything in the package is read in one REPEATABLE READ snapshot from the indexes and
 * sequence numbers fixed when the export starts, and {@code generated_at} is the stored issue time of
 * that checkpoint, so exporting a closed period (one that ended before today) again gives the same
 * bytes. Entries are written in a fixed order with a fixed timestamp (1980-01-01 00:00, no time zone).
 *
 * <p>package.json lists every other file except package.json.sig and SHA256SUMS (which depend on it);
 * SHA256SUMS lists every file except itself, so {@code sha256sum -c SHA256SUMS} covers package.json
 * and its signature too. Since package.json holds the hashes, it is written after the content,
 * followed by its signature and SHA256SUMS; the export's governance event is recorded before the zip's
 * central directory is written, so a package whose event could not be recorded is never complete.
 */
@ApplicationScoped
public class AuditPackageWriter {

    public static final Set<String> FRAMEWORKS = Set.of("iso27001", "soc2");
    public static final String FORMAT = "trustledger-audit-package/1";
    private static final int FETCH = 500;

    private final DataSource dataSource;
    private final LedgerKeys keys;
    private final GovernanceLog governance;
    private final ControlCatalog catalog;
    private final SystemDescription system;
    private final CollectorRegistry collectors;
    private final PolicyLibrary policies;
    private final Clock clock;
    private final JsonFactory json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public AuditPackageWriter(DataSource dataSource, LedgerKeys keys, GovernanceLog governance, ControlCatalog catalog,
            SystemDescription system, CollectorRegistry collectors, PolicyLibrary policies, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.governance = governance;
        this.catalog = catalog;
        this.system = system;
        this.collectors = collectors;
        this.policies = policies;
        this.clock = clock;
    }

    /** What one export covers, fixed before streaming starts. */
    public record Plan(Framework framework, LocalDate from, LocalDate to, long firstIndex, long treeSize, CheckpointStore.Issued checkpoint,
            Instant issuedAt, long firstSeq, long endSeq) {
    }

    /** Fixes the evidence range and governance range and issues (or finds) the package checkpoint. */
    public Plan plan(String frameworkId, LocalDate from, LocalDate to) {
        Framework framework = catalog.framework(frameworkId).orElseThrow(() -> new IllegalStateException("no framework " + frameworkId));
        Instant start = ManifestSealer.startOf(from);
        Instant end = ManifestSealer.startOf(to.plusDays(1));
        try (Connection c = dataSource.getConnection()) {
            LedgerStore.Head head = LedgerStore.head(c, false);
            long first = firstAtOrAfter(c, "SELECT min(idx) FROM evidence WHERE collected_at >= ? AND idx < ?", start, head.treeSize());
            long size = firstAtOrAfter(c, "SELECT min(idx) FROM evidence WHERE collected_at >= ? AND idx < ?", end, head.treeSize());
            GovernanceChain.Head gov = GovernanceChain.head(c, false);
            long firstSeq = firstAtOrAfter(c, "SELECT min(seq) FROM governance_event WHERE occurred_at >= ? AND seq < ?", start, gov.size());
            long endSeq = firstAtOrAfter(c, "SELECT min(seq) FROM governance_event WHERE occurred_at >= ? AND seq < ?", end, gov.size());
            CheckpointStore.Issued cp = CheckpointStore.at(c, size, keys.current(), clock.instant());
            Instant issuedAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT issued_at FROM ledger_checkpoint WHERE tree_size = ?")) {
                ps.setLong(1, size);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    issuedAt = rs.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
            return new Plan(framework, from, to, first, size, cp, issuedAt, firstSeq, Math.max(firstSeq, endSeq));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot plan the export", e);
        }
    }

    private static long firstAtOrAfter(Connection c, String sql, Instant t, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            ps.setLong(2, size);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? size : v;
            }
        }
    }

    /**
     * Streams the package for {@code plan}, telling {@code progress} how far it got, and records the export as a
     * governance event of {@code actor}.
     */
    public void write(Plan plan, String actor, OutputStream raw, PackageProgress progress) throws IOException {
        SigningKey key = keys.current();
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16));
        PackageZip pkg = new PackageZip(zip);
        Counts counts = new Counts();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                pkg.put("public-key.pem", key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
                progress.step("evidence");
                writeEvidence(c, plan, pkg, counts, progress);
                pkg.put(PeriodStatusPage.fileName(plan.framework()), new PeriodStatusPage(system, collectors, policies).render(c, plan));
                progress.step("status page and control lists");
                writeControlLists(c, plan, pkg);
                progress.step("manifests");
                counts.manifests = writeManifests(c, plan, pkg, key.keyId());
                progress.step("governance log and policies");
                writeGovernance(c, plan, pkg);
                writePolicies(plan, pkg);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the ledger for the export", e);
        }
        progress.step("signing");
        byte[] packageJson = packageJson(plan, key, counts, pkg.files);
        List<PackageZip.FileEntry> all = new ArrayList<>(pkg.files);
        pkg.put("package.json", packageJson);
        pkg.put("package.json.sig", key.sign(packageJson));
        StringBuilder sums = new StringBuilder();
        pkg.files.stream().sorted(Comparator.comparing(PackageZip.FileEntry::path))
                .forEach(f -> sums.append(f.sha256()).append("  ").append(f.path()).append('\n'));
        pkg.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("framework", plan.framework().id());
        details.put("from", plan.from().toString());
        details.put("to", plan.to().toString());
        details.put("package_json_sha256", Codec.toHex(Hashes.sha256(packageJson)));
        details.put("tree_size", plan.treeSize());
        details.put("evidence_count", counts.evidence);
        details.put("file_count", all.size() + 3);
        governance.record(GovernanceLog.EXPORT, actor, "export:" + plan.framework().id() + ":" + plan.from() + ".." + plan.to(), details);
        zip.finish();
        zip.flush();
    }

    private static final class Counts {
        long evidence;
        int manifests;
    }

    private byte[] packageJson(Plan plan, SigningKey key, Counts counts, List<PackageZip.FileEntry> files) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("framework", plan.framework().id());
        o.put("framework_name", plan.framework().name() + " " + plan.framework().version());
        ObjectNode period = o.putObject("period");
        period.put("from", plan.from().toString());
        period.put("to", plan.to().toString());
        o.put("generated_at", Rfc3339.format(plan.issuedAt()));
        o.put("checkpoint", plan.checkpoint().note());
        o.put("tree_size", plan.treeSize());
        o.put("root_hash", Codec.toHex(plan.checkpoint().rootHash()));
        o.put("key_id", key.keyId());
        o.put("first_index", plan.firstIndex());
        o.put("evidence_count", counts.evidence);
        o.put("manifest_count", counts.manifests);
        ObjectNode gov = o.putObject("governance");
        gov.put("first_seq", plan.firstSeq());
        gov.put("event_count", plan.endSeq() - plan.firstSeq());
        ArrayNode arr = o.putArray("files");
        files.stream().sorted(Comparator.comparing(PackageZip.FileEntry::path)).forEach(f -> {
            ObjectNode e = arr.addObject();
            e.put("path", f.path());
            e.put("sha256", f.sha256());
            e.put("size", f.size());
        });
        return Jcs.canonicalize(o);
    }

    /** Inclusion proofs computed per database round trip. */
    private static final int PROOF_BATCH = 1000;

    private void writeEvidence(Connection c, Plan plan, PackageZip pkg, Counts counts, PackageProgress progress)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT idx, canonical, leaf_hash FROM evidence WHERE idx >= ? AND idx < ? ORDER BY idx")) {
            ps.setFetchSize(FETCH);
            ps.setLong(1, plan.firstIndex());
            ps.setLong(2, plan.treeSize());
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, List<byte[]>> proofs = Map.of();
                long proofsEnd = -1;
                while (rs.next()) {
                    long idx = rs.getLong(1);
                    pkg.put("evidence/" + idx + ".json", rs.getBytes(2));
                    if (idx >= proofsEnd) {
                        // Proofs of neighbouring leaves share most of their hashes: fetch a window's worth in one query.
                        final long start = idx;
                        final long end = Math.min(idx + PROOF_BATCH, plan.treeSize());
                        proofs = StoredTree.compute(c, (tree, source) -> {
                            Map<Long, List<byte[]>> window = new HashMap<>();
                            for (long i = start; i < end; i++) {
                                window.put(i, tree.inclusionProof(i, plan.treeSize()));
                            }
                            return window;
                        });
                        proofsEnd = end;
                    }
                    List<byte[]> proof = proofs.get(idx);
                    ObjectNode p = JsonNodeFactory.instance.objectNode();
                    p.put("index", idx);
                    p.put("tree_size", plan.treeSize());
                    p.put("leaf_hash", Codec.toHex(rs.getBytes(3)));
                    ArrayNode hashes = p.putArray("hashes");
                    proof.forEach(h -> hashes.add(Codec.toHex(h)));
                    pkg.put("proofs/" + idx + ".json", Jcs.canonicalize(p));
                    counts.evidence++;
                    progress.evidence(counts.evidence);
                }
            }
        }
    }

    private void writeControlLists(Connection c, Plan plan, PackageZip pkg) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT idx, id, collector, status, collected_at FROM evidence
                 WHERE idx >= ? AND idx < ? AND ? = ANY (controls) ORDER BY idx
                """)) {
            ps.setFetchSize(FETCH);
            for (Control ctl : plan.framework().controls()) {
                ps.setLong(1, plan.firstIndex());
                ps.setLong(2, plan.treeSize());
                ps.setString(3, ctl.id());
                try (OutputStream out = pkg.open("controls/" + fileName(ctl.id()) + ".json");
                        JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8);
                        ResultSet rs = ps.executeQuery()) {
                    g.writeStartObject();
                    g.writeStringField("control", ctl.id());
                    g.writeStringField("title", ctl.title());
                    boolean applicable = !plan.framework().id().equals("iso27001") || system.isApplicable(ctl.id());
                    g.writeBooleanField("applicable", applicable);
                    if (!applicable) {
                        g.writeStringField("justification", system.exclusionJustification(ctl.id()).orElse(""));
                    }
                    g.writeArrayFieldStart("evidence");
                    long n = 0;
                    while (rs.next()) {
                        g.writeStartObject();
                        g.writeNumberField("index", rs.getLong(1));
                        g.writeStringField("id", rs.getObject(2).toString());
                        g.writeStringField("collector", rs.getString(3));
                        g.writeStringField("status", rs.getString(4));
                        g.writeStringField("collected_at", Rfc3339.format(rs.getObject(5, OffsetDateTime.class).toInstant()));
                        g.writeStringField("file", "evidence/" + rs.getLong(1) + ".json");
                        g.writeEndObject();
                        n++;
                    }
                    g.writeEndArray();
                    g.writeNumberField("evidence_count", n);
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
        }
    }

    /**
     * The period's manifests, and the public key of each earlier key that signed one of them as
     * {@code keys/<key_id>.pem}: listed in package.json, so the current key vouches for it.
     */
    private static int writeManifests(Connection c, Plan plan, PackageZip pkg, String currentKeyId) throws SQLException, IOException {
        List<ManifestSealer.Manifest> list = ManifestSealer.list(c, plan.from(), plan.to());
        java.util.SortedSet<String> earlierKeys = new java.util.TreeSet<>();
        for (ManifestSealer.Manifest m : list) {
            pkg.put("manifests/" + m.day() + ".json", m.body());
            pkg.put("manifests/" + m.day() + ".json.sig", m.signature());
            if (!m.keyId().equals(currentKeyId)) {
                earlierKeys.add(m.keyId());
            }
        }
        for (String keyId : earlierKeys) {
            try (PreparedStatement ps = c.prepareStatement("SELECT public_key FROM ledger_key WHERE key_id = ?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("ledger key " + keyId + " that signed a manifest is not listed");
                    }
                    String pem = Ed25519Keys.toSpkiPem(Ed25519Keys.publicKey(rs.getBytes(1)));
                    pkg.put("keys/" + keyId + ".pem", pem.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        return list.size();
    }

    private static void writeGovernance(Connection c, Plan plan, PackageZip pkg) throws SQLException, IOException {
        byte[] before = ChainHash.zero();
        if (plan.firstSeq() > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM governance_event WHERE seq = ?")) {
                ps.setLong(1, plan.firstSeq() - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("governance event " + (plan.firstSeq() - 1) + " is missing");
                    }
                    before = rs.getBytes(1);
                }
            }
        }
        ObjectNode head = JsonNodeFactory.instance.objectNode();
        head.put("size", plan.firstSeq());
        head.put("hash", Codec.toHex(before));
        pkg.put("governance/head-before.json", Jcs.canonicalize(head));
        try (OutputStream out = pkg.open("governance/events.jsonl");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT canonical, prev_hash, hash FROM governance_event WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            ps.setFetchSize(FETCH);
            ps.setLong(1, plan.firstSeq());
            ps.setLong(2, plan.endSeq());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // Members in JCS order; "event" holds the exact canonical bytes that were hashed.
                    out.write("{\"event\":".getBytes(StandardCharsets.US_ASCII));
                    out.write(rs.getBytes(1));
                    out.write((",\"hash\":\"" + Codec.toHex(rs.getBytes(3)) + "\",\"prev_hash\":\"" + Codec.toHex(rs.getBytes(2)) + "\"}\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
    }

    private void writePolicies(Plan plan, PackageZip pkg) throws IOException {
        List<Policy> inForce = policies.policies().stream().filter(p -> !p.approvedAt().isAfter(plan.to()))
                .sorted(Comparator.comparing(p -> p.file().getFileName().toString())).toList();
        for (Policy p : inForce) {
            pkg.put("policies/" + p.file().getFileName(), Files.readAllBytes(p.file()));
        }
    }

    static String fileName(String controlId) {
        return controlId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

}
