package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.trustledger.ledger.GovernanceLog;

/** Five intake attempts per client IP and hour, held in PostgreSQL so that every instance shares them. */
@QuarkusTest
class DsrRateLimitTest {

    @Inject
    EntityManager em;

    @Inject
    DsrConfig config;

    @Inject
    DsrRateLimiter limiter;

    @Inject
    EmailHmac emailHmac;

    @Inject
    ObjectMapper mapper;

    @Test
    void theSixthRequestInAnHourGets429WithRetryAfter() throws Exception {
        Dsr.awaitRoomInHour(Duration.ofMinutes(1));
        String ip = Dsr.freshIp();
        for (int i = 0; i < 5; i++) {
            Dsr.post(Dsr.body("rate" + i + "@example.org", "access", "EU_GDPR"), ip).then().statusCode(202);
        }
        long before = Dsr.rows(em, "dsr_case");
        Response r = Dsr.post(Dsr.body("rate5@example.org", "access", "EU_GDPR"), ip);
        r.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        Instant now = Instant.now();
        long untilHourEnds = Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS)).toSeconds();
        assertTrue(retryAfter >= 1 && retryAfter <= untilHourEnds + 2, "Retry-After " + retryAfter + " vs " + untilHourEnds);
        assertEquals(before, Dsr.rows(em, "dsr_case"));
        // Another address is unaffected.
        Dsr.post(Dsr.body("rate6@example.org", "access", "EU_GDPR"), Dsr.freshIp()).then().statusCode(202);
    }

    @Test
    void concurrentSubmissionsFromOneAddressGetExactlyTheAllowance() throws Exception {
        Dsr.awaitRoomInHour(Duration.ofMinutes(1));
        String ip = Dsr.freshIp();
        long before = Dsr.rows(em, "dsr_case");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = "burst" + i + "@example.org";
            answers.add(pool.submit(() -> Dsr.post(Dsr.body(email, "access", "EU_GDPR"), ip).statusCode()));
        }
        java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (java.util.concurrent.Future<Integer> a : answers) {
            byStatus.merge(a.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(java.util.Map.of(202, 5, 429, 15), byStatus);
        assertEquals(before + 5, Dsr.rows(em, "dsr_case"));
    }

    @Test
    void rejectedAttemptsCountTooButWriteNothing() throws Exception {
        Dsr.awaitRoomInHour(Duration.ofMinutes(1));
        String ip = Dsr.freshIp();
        long before = Dsr.rows(em, "dsr_case");
        for (int i = 0; i < 5; i++) {
            Dsr.post("{\"garbage\":" + i + "}", ip).then().statusCode(400);
        }
        Dsr.post(Dsr.body("valid@example.org", "access", "EU_GDPR"), ip).then().statusCode(429);
        assertEquals(before, Dsr.rows(em, "dsr_case"));
    }

    @Test
    void theFormShowsTheLimitAsAPageWithRetryAfter() throws Exception {
        Dsr.awaitRoomInHour(Duration.ofMinutes(1));
        Response page = given().get("/privacy/request");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(m.find());
        String ip = Dsr.freshIp();
        for (int i = 0; i < 6; i++) {
            Response r = given().header("X-Forwarded-For", ip).header("Accept", "text/html").contentType(ContentType.URLENC)
                    .cookie("csrf-token", page.cookie("csrf-token")).formParam("csrf-token", m.group(1))
                    .formParam("email", "form" + i + "@example.org").formParam("jurisdiction", "CH_FADP").formParam("request_type", "access")
                    .redirects().follow(false).post("/api/v1/dsr");
            if (i < 5) {
                assertEquals(303, r.statusCode());
            } else {
                r.then().statusCode(429).contentType(containsString("text/html")).header("Retry-After", notNullValue())
                        .body(containsString("Too many requests")).body(containsString("value=\"form5@example.org\""));
            }
        }
    }

    /**
     * A second instance is another process with its own connection pool: here the intake and limiter built over
     * a plain JDBC DataSource of their own. Submissions alternating between it and the HTTP API share one
     * allowance, accepted and rejected attempts alike.
     */
    @Test
    void theAllowanceIsSharedWithOtherInstances() throws Exception {
        Dsr.awaitRoomInHour(Duration.ofMinutes(1));
        PGSimpleDataSource otherPool = new PGSimpleDataSource();
        otherPool.setURL(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        otherPool.setUser("postgres");
        DsrCaseRepository otherCases = new DsrCaseRepository(otherPool);
        DsrRateLimiter otherLimiter = new DsrRateLimiter(otherCases, config, Clock.systemUTC());
        DsrIntake otherInstance = new DsrIntake(otherCases, otherLimiter, emailHmac,
                new GovernanceLog(otherPool, mapper, Clock.systemUTC()), Clock.systemUTC());

        String ip = Dsr.freshIp();
        String normalised = java.net.InetAddress.getByName(ip).getHostAddress(); // as ClientIp keys it
        long before = Dsr.rows(em, "dsr_case");
        for (int i = 0; i < 5; i++) {
            if (i % 2 == 0) {
                Dsr.post(Dsr.body("shared" + i + "@example.org", "access", "EU_GDPR"), ip).then().statusCode(202);
            } else {
                DsrIntake.Valid v = DsrIntake.valid(new DsrSubmission("shared" + i + "@example.org", "access", "EU_GDPR", null));
                assertTrue(otherInstance.submit(v, normalised) instanceof DsrIntake.Receipt, "attempt " + (i + 1) + ", on the other instance");
            }
        }
        assertEquals(before + 5, Dsr.rows(em, "dsr_case"));
        DsrIntake.Valid sixth = DsrIntake.valid(new DsrSubmission("shared5@example.org", "access", "EU_GDPR", null));
        assertTrue(otherInstance.submit(sixth, normalised) instanceof DsrIntake.Limited, "the 6th, on the other instance, is refused");
        Dsr.post(Dsr.body("shared6@example.org", "access", "EU_GDPR"), ip).then().statusCode(429);
        assertTrue(otherLimiter.count(normalised).isPresent(), "and a rejected attempt there as well");
        assertEquals(before + 5, Dsr.rows(em, "dsr_case"), "refused attempts write no case");
        Number attempts = (Number) em.createNativeQuery("SELECT attempts FROM dsr_rate_limit WHERE client_ip = ?1")
                .setParameter(1, normalised).getSingleResult();
        assertEquals(8, attempts.intValue());
    }

    @Test
    void windowsOfPastHoursArePurged() throws Exception {
        Dsr.awaitRoomInHour(Duration.ofMinutes(1));
        PGSimpleDataSource pool = new PGSimpleDataSource();
        pool.setURL(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        pool.setUser("postgres");
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        new DsrRateLimiter(new DsrCaseRepository(pool), config, Clock.fixed(twoHoursAgo, java.time.ZoneOffset.UTC)).count("192.0.2.77");
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT count(*) FROM dsr_rate_limit WHERE client_ip = '192.0.2.77'")
                .getSingleResult()).longValue());
        String current = Dsr.freshIp();
        Dsr.post(Dsr.body("purge@example.org", "access", "EU_GDPR"), current).then().statusCode(202);
        assertTrue(limiter.purge() >= 1, "the purge job drops the finished window");
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT count(*) FROM dsr_rate_limit WHERE window_start < date_trunc('hour', now())")
                .getSingleResult()).longValue());
        assertEquals(1, ((Number) em.createNativeQuery("SELECT attempts FROM dsr_rate_limit WHERE client_ip = ?1")
                .setParameter(1, java.net.InetAddress.getByName(current).getHostAddress()).getSingleResult()).intValue(),
                "the current hour's count stays");
    }
}
