package org.trustledger.console;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.trustledger.MutableClockProducer;
import org.trustledger.Staff;
import org.trustledger.TestDb;
import org.trustledger.ledger.EvidenceLedger;
import org.trustledger.ledger.NewEvidence;

/**
 * Realistic data for the dashboard, ledger and activity tests under {@link ConsoleDataProfile}, made once per
 * application start through the JSON APIs: evidence on past days (left unsealed, so there are missed days), collector
 * runs that pass and fail (and so gaps), a manual upload and a push token that expire within two weeks, privacy
 * requests, a breach and a DPIA with deadlines in the next 14 days, and coverage snapshots for part of the last month.
 */
public final class ConsoleData {

    /** The past days that receive evidence (days before today). */
    public static final int[] EVIDENCE_DAYS_AGO = {10, 9, 7};
    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    private ConsoleData() {
    }

    /** Seeds the database unless this application start has been seeded already (the ledger is empty before). */
    public static synchronized void ensure(EvidenceLedger ledger) throws SQLException {
        if (count("SELECT count(*) FROM evidence") > 0) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Past evidence first: the ledger accepts leaves only in collected_at order.
        for (int ago : EVIDENCE_DAYS_AGO) {
            MutableClockProducer.CLOCK.set(today.minusDays(ago).atTime(9, 30).toInstant(ZoneOffset.UTC));
            try {
                List<NewEvidence> items = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    items.add(new NewEvidence("t-sql-pass", List.of("ISO27001:A.8.2"), "pass", "Admin account present (" + ago + " days ago, " + i + ")",
                            JsonNodeFactory.instance.objectNode().put("day", ago).put("i", i)));
                }
                ledger.append(items);
            } finally {
                MutableClockProducer.CLOCK.reset();
            }
        }
        String admin = Staff.admin();
        for (String id : List.of("t-sql-pass", "t-cmd-true", "t-file-pass", "t-sql-fail", "t-cmd-false", "t-policy-crypto", "t-access",
                "t-residency", "t-consent-register", "t-file-drift")) {
            given().cookie("tl_session", admin).contentType(ContentType.JSON).post("/api/v1/collectors/" + id + "/run").then().statusCode(200);
        }
        given().cookie("tl_session", admin).contentType(ContentType.JSON)
                .body(Map.of("filename", "training-2026.csv", "media_type", "text/csv",
                        "content_base64", Base64.getEncoder().encodeToString("name,completed\nada,2026-11-30\n".getBytes(StandardCharsets.UTF_8)),
                        "expires_at", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString(), "note", "Annual security training"))
                .post("/api/v1/collectors/t-manual/uploads").then().statusCode(201);
        given().cookie("tl_session", admin).contentType(ContentType.JSON).body(Map.of("label", "CI pipeline", "expires_in_days", 7))
                .post("/api/v1/collectors/t-pushed/tokens").then().statusCode(201);

        // Requests received 20 days ago are due in about ten days (one month under the GDPR).
        MutableClockProducer.CLOCK.set(Instant.now().minus(Duration.ofDays(20)));
        try {
            for (String type : List.of("access", "erasure", "rectification")) {
                given().header("X-Forwarded-For", "2001:db8:12::" + Integer.toHexString(NEXT_IP.getAndIncrement())).contentType(ContentType.JSON)
                        .body(Map.of("email", type + "@example.org", "request_type", type, "jurisdiction", "EU_GDPR"))
                        .post("/api/v1/dsr").then().statusCode(202);
            }
        } finally {
            MutableClockProducer.CLOCK.reset();
        }
        String privacy = Staff.withRole("privacy");
        given().cookie("tl_session", privacy).contentType(ContentType.JSON)
                .body(Map.of("title", "Support mailbox forwarded to a wrong address", "aware_at",
                        Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS).toString(), "personal_data_affected", true,
                        "our_role", "controller"))
                .post("/api/v1/breaches").then().statusCode(201);
        long dpia = given().cookie("tl_session", privacy).contentType(ContentType.JSON)
                .body(Map.of("processing_activity_id", "customer-accounts", "title", "Customer accounts with login risk scoring", "triggers",
                        List.of("large_scale", "evaluation_scoring"), "outcome", "required", "risk_level", "medium", "measures",
                        "Pseudonymised ids; 13-month retention"))
                .post("/api/v1/dpias").then().statusCode(201).extract().jsonPath().getLong("id");
        given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("next_review", today.plusDays(9).toString()))
                .post("/api/v1/dpias/" + dpia + "/approve").then().statusCode(200);

        // History for the trend: the 18 days before today, drifting towards today's real figures; older days stay without data.
        try (Connection c = TestDb.connect();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO coverage_snapshot (day, framework, applicable, covered, passing, failing, stale, taken_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """)) {
            for (String fw : List.of("iso27001", "soc2", "gdpr")) {
                var totals = given().cookie("tl_session", admin).get("/api/v1/frameworks/" + fw + "/coverage").then().statusCode(200)
                        .extract().jsonPath();
                int applicable = totals.getInt("totals.applicable");
                int covered = totals.getInt("totals.covered");
                for (int ago = 18; ago >= 1; ago--) {
                    int failing = Math.min(covered / 3, ago / 5 + (ago % 3 == 0 ? 1 : 0));
                    int stale = Math.min(covered - failing, ago % 4 == 0 ? 2 : 1);
                    ps.setObject(1, today.minusDays(ago));
                    ps.setString(2, fw);
                    ps.setInt(3, applicable);
                    ps.setInt(4, covered);
                    ps.setInt(5, covered - failing - stale);
                    ps.setInt(6, failing);
                    ps.setInt(7, stale);
                    ps.setObject(8, today.minusDays(ago).atTime(23, 55).atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    public static long count(String sql) throws SQLException {
        try (Connection c = TestDb.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
