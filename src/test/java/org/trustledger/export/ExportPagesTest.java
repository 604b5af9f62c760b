package org.trustledger.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.TestDb;
import org.trustledger.common.Role;
import org.trustledger.console.ConsoleSignIn;
import org.trustledger.tlog.Hashes;

/**
 * The console's export pages over HTTP: the form queues a background job whose stored zip is the API's package byte for
 * byte, bad input shows the form again and queues nothing, roles are checked, a job is claimed once however many
 * claimers race, a job whose instance died is marked failed, and old packages expire.
 */
@QuarkusTest
@TestProfile(ExportConsoleProfile.class)
class ExportPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExportJobs jobs;

    @Inject
    ExportWorker worker;

    @Test
    void theFormQueuesAJobWhoseZipIsTheApisPackage() throws Exception {
        LocalDate[] days = ConsoleExports.nextDays(2);
        LocalDate from = days[0];
        LocalDate to = days[1];
        ConsoleExports.evidenceOn(from, 2, "console export a");
        ConsoleExports.evidenceOn(to, 1, "console export b");
        ConsoleSignIn.Session auditor = ConsoleSignIn.session(Role.AUDITOR);

        Response created = ConsoleExports.post(auditor, "iso27001", from.toString(), to.toString());
        assertEquals(303, created.statusCode(), created.asString());
        long id = ConsoleExports.idOf(created);
        ExportJobsWait.untilFinished(id);

        ExportJobs.Job job = jobs.find(id).orElseThrow();
        assertEquals("test-auditor", job.requestedBy());
        String page = given().cookie("tl_session", auditor.cookie()).get("/staff/exports/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Ready") && page.contains(job.sha256()) && page.contains("/staff/exports/" + id + "/download"), page);
        assertTrue(!page.contains("export-progress.js"), "a finished export's page has nothing to refresh");

        Response download = given().cookie("tl_session", auditor.cookie()).get("/staff/exports/" + id + "/download");
        download.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"trustledger-iso27001-" + from + "-" + to + ".zip\"");
        byte[] zip = download.asByteArray();
        assertEquals(job.size().longValue(), zip.length);
        assertEquals(job.sha256(), HexFormat.of().formatHex(Hashes.sha256(zip)), "the listed SHA-256 is of the bytes served");
        assertEquals("sha-256=" + Base64.getEncoder().encodeToString(Hashes.sha256(zip)), download.header("Digest"));

        byte[] api = given().cookie("tl_session", Staff.withRole(Role.AUDITOR)).contentType(ContentType.JSON)
                .body(Map.of("framework", "iso27001", "from", from.toString(), "to", to.toString())).post("/api/v1/exports")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(api, zip, "the job writes the same package as the API for a closed period");
        JsonNode manifest = JSON.readTree(AuditExportTest.unzip(zip).get("package.json"));
        assertEquals(3, manifest.get("evidence_count").asLong());
        assertEquals(3L, job.itemsTotal());
        assertEquals(3L, job.itemsDone());
    }

    @Test
    void badInputShowsTheFormWithTheFieldsMarkedAndQueuesNothing() {
        ConsoleSignIn.Session compliance = ConsoleSignIn.session(Role.COMPLIANCE);
        LocalDate t = ConsoleExports.today();
        record Case(String framework, String from, String to, int status, List<String> marked) {
        }
        List<Case> cases = List.of(
                new Case("gdpr", t.minusDays(2).toString(), t.toString(), 400, List.of("framework")),
                new Case(null, t.minusDays(2).toString(), t.toString(), 400, List.of("framework")),
                new Case("iso27001", "2025-02-30", "yesterday", 400, List.of("from", "to")),
                new Case("iso27001", t.toString(), t.minusDays(1).toString(), 422, List.of("from")),
                new Case("iso27001", t.toString(), t.plusDays(1).toString(), 422, List.of("to")),
                new Case("iso27001", t.minusDays(366).toString(), t.toString(), 422, List.of("from")));
        for (Case c : cases) {
            long before = jobCount();
            Response r = ConsoleExports.post(compliance, c.framework(), c.from(), c.to());
            assertEquals(c.status(), r.statusCode(), c + ": " + r.asString());
            String html = r.asString();
            assertTrue(r.contentType().startsWith("text/html"), c.toString());
            for (String field : c.marked()) {
                assertTrue(html.contains("id=\"" + field + "\"") && html.contains("aria-describedby=\"" + field + "-error\""), field + " marked in " + c);
            }
            assertTrue(html.contains("The export was not started"), c.toString());
            assertEquals(before, jobCount(), "nothing queued for " + c);
        }
        // The dates typed are kept when they are dates.
        String kept = ConsoleExports.post(compliance, "iso27001", t.toString(), t.minusDays(1).toString()).asString();
        assertTrue(kept.contains("value=\"" + t + "\"") && kept.contains("value=\"" + t.minusDays(1) + "\""), kept);
    }

    @Test
    void rolesAreChecked() {
        ConsoleSignIn.Session privacy = ConsoleSignIn.session(Role.PRIVACY);
        long before = jobCount();
        given().cookie("tl_session", privacy.cookie()).accept("text/html").get("/staff/exports").then().statusCode(403)
                .contentType(containsString("text/html"));
        Response r = ConsoleExports.post(privacy, "iso27001", ConsoleExports.today().toString(), ConsoleExports.today().toString());
        assertEquals(403, r.statusCode());
        assertEquals(before, jobCount());
        given().accept("text/html").redirects().follow(false).get("/staff/exports").then().statusCode(303)
                .header("Location", containsString("/staff/login"));
    }

    @Test
    void aQueuedJobIsClaimedExactlyOnce() throws Exception {
        LocalDate d = ConsoleExports.today();
        long id = jobs.enqueue(new ExportPeriod("soc2", d, d), "test-claims", Instant.now());
        int claimers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<ExportJobs.Claimed>>> results = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            String name = "claimer-" + i;
            Callable<Optional<ExportJobs.Claimed>> claim = () -> {
                start.await();
                return jobs.claim(name, Instant.now());
            };
            results.add(pool.submit(claim));
        }
        start.countDown();
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            Optional<ExportJobs.Claimed> c = results.get(i).get();
            if (c.isPresent() && c.get().id() == id) {
                winners.add("claimer-" + i);
            }
        }
        pool.shutdown();
        String worker = column(id, "worker");
        // The application's own worker may have been faster than all of them; either way one claimer holds the job.
        if (winners.isEmpty()) {
            assertTrue(worker.startsWith("instance-"), "claimed by " + worker);
            ExportJobsWait.untilSettled(id);
        } else {
            assertEquals(1, winners.size(), "claimed by " + winners);
            assertEquals(winners.get(0), worker);
            jobs.fail(id, worker, "test over", Instant.now());
        }
    }

    @Test
    void aJobWhoseInstanceStoppedIsMarkedFailedAndOldPackagesExpire() throws Exception {
        LocalDate d = ConsoleExports.today().minusDays(40);
        Instant now = Instant.now();
        long stalled = insertJob("running", d, now.minusSeconds(600), null);
        chunk(stalled);
        long recent = insertJob("running", d, now, null);
        long old = insertJob("done", d, now.minusSeconds(3600), now.minus(java.time.Duration.ofDays(31)));
        chunk(old);
        long fresh = insertJob("done", d, now.minusSeconds(3600), now.minus(java.time.Duration.ofDays(1)));
        chunk(fresh);

        worker.sweep();

        assertEquals("failed", column(stalled, "status"));
        assertTrue(column(stalled, "error").contains("stopped before it finished"), column(stalled, "error"));
        assertEquals(0, chunks(stalled), "a failed job's partial zip is deleted");
        assertEquals("running", column(recent, "status"), "a job with a live heartbeat is left alone");
        assertEquals("expired", column(old, "status"));
        assertEquals(0, chunks(old));
        assertEquals("done", column(fresh, "status"));
        assertEquals(1, chunks(fresh));

        ConsoleSignIn.Session admin = ConsoleSignIn.session(Role.ADMIN);
        given().cookie("tl_session", admin.cookie()).get("/staff/exports/" + stalled).then().statusCode(200)
                .body(containsString("Failed"), containsString("stopped before it finished"));
        given().cookie("tl_session", admin.cookie()).accept("text/html").get("/staff/exports/" + old + "/download").then().statusCode(410)
                .contentType(containsString("text/html"));
        given().cookie("tl_session", admin.cookie()).accept("text/html").get("/staff/exports/" + recent + "/download").then().statusCode(409);
        given().cookie("tl_session", admin.cookie()).accept("text/html").get("/staff/exports/999999999").then().statusCode(404);
        given().cookie("tl_session", admin.cookie()).accept("text/html").get("/staff/exports/x1").then().statusCode(404);
        jobs.fail(recent, "instance-test", "test over", Instant.now());
    }

    static long jobCount() {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM export_job");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A job row as an instance would have left it; {@code done} rows get a hash and one piece. */
    static long insertJob(String status, LocalDate day, Instant heartbeat, Instant finished) throws SQLException {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO export_job (framework, period_from, period_to, requested_by, requested_at, status, worker, started_at, heartbeat_at,
                                        finished_at, phase, items_total, items_done, size, sha256, chunk_count)
                VALUES ('iso27001', ?, ?, 'test-compliance', ?, ?, 'instance-test', ?, ?, ?, ?, 1000, 420, ?, ?, ?) RETURNING id
                """)) {
            boolean done = status.equals("done");
            ps.setObject(1, day);
            ps.setObject(2, day);
            ps.setObject(3, OffsetDateTime.ofInstant(heartbeat.minusSeconds(5), ZoneOffset.UTC));
            ps.setString(4, status);
            ps.setObject(5, OffsetDateTime.ofInstant(heartbeat.minusSeconds(5), ZoneOffset.UTC));
            ps.setObject(6, OffsetDateTime.ofInstant(heartbeat, ZoneOffset.UTC));
            ps.setObject(7, finished == null ? null : OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
            ps.setString(8, done ? null : "evidence");
            ps.setObject(9, done ? 3L : null);
            ps.setBytes(10, done ? Hashes.sha256(new byte[] {1, 2, 3}) : null);
            ps.setObject(11, done ? 1 : null);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void chunk(long id) throws SQLException {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO export_chunk (export_id, seq, bytes) VALUES (?, 0, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, new byte[] {1, 2, 3});
            ps.executeUpdate();
        }
    }

    static int chunks(long id) throws SQLException {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM export_chunk WHERE export_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static String column(long id, String column) throws SQLException {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM export_job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
