package org.trustledger.privacy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers for the DSR intake: fresh client addresses, submissions, row counts. */
final class Dsr {

    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    private Dsr() {
    }

    /** A fresh address from the IPv6 documentation range (RFC 3849), so each test has its own allowance. */
    static String freshIp() {
        return "2001:db8::" + Integer.toHexString(NEXT_IP.getAndIncrement());
    }

    static Map<String, Object> body(String email, String type, String jurisdiction) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", email);
        m.put("request_type", type);
        m.put("jurisdiction", jurisdiction);
        return m;
    }

    static Response post(Object body, String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON).body(body).redirects().follow(false)
                .post("/api/v1/dsr");
    }

    /** Submits a valid request from a fresh address and returns its token. */
    static String submit(String email, String type, String jurisdiction) {
        return post(body(email, type, jurisdiction), freshIp()).then().statusCode(202).extract().path("token");
    }

    static long caseId(EntityManager em, String token) {
        return ((Number) em.createNativeQuery("SELECT id FROM dsr_case WHERE token_sha256 = ?1")
                .setParameter(1, DsrToken.sha256(token)).getSingleResult()).longValue();
    }

    static long rows(EntityManager em, String table) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }

    /** Rate-limit windows are clock hours: make sure a test's burst does not straddle two of them. */
    static void awaitRoomInHour(Duration needed) throws InterruptedException {
        Instant now = Instant.now();
        Duration left = Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        if (left.compareTo(needed) < 0) {
            Thread.sleep(left.toMillis() + 1000);
        }
    }
}
