package org.trustledger.export;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.trustledger.MutableClockProducer;
import org.trustledger.Staff;
import org.trustledger.common.Role;
import org.trustledger.console.ConsoleSignIn;

/** Helpers of the console export tests: evidence on past days, and the export form posted as a browser would. */
final class ConsoleExports {

    private ConsoleExports() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The last past day handed out; see {@link #nextDays}. */
    private static LocalDate last = today().minusDays(30);

    /**
     * {@code n} consecutive past days, later than any handed out before. The ledger orders evidence by arrival, and an
     * export's range is found by collection time, so the tests of one application must date their evidence in the order
     * they submit it: each test takes fresh days from here, in a profile of its own ({@link ExportConsoleProfile}).
     */
    static synchronized LocalDate[] nextDays(int n) {
        LocalDate[] days = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            last = last.plusDays(1);
            days[i] = last;
        }
        if (!last.isBefore(today())) {
            throw new IllegalStateException("the export tests used up their past days");
        }
        return days;
    }

    /** {@code n} manual evidence items for ISO 27001 A.5.1 and SOC 2 CC1.1, collected on {@code day}. */
    static void evidenceOn(LocalDate day, int n, String label) {
        MutableClockProducer.CLOCK.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        try {
            String session = Staff.withRole(Role.COMPLIANCE);
            for (int i = 0; i < n; i++) {
                given().cookie("tl_session", session).contentType(ContentType.JSON)
                        .body(Map.of("collector", "manual", "controls", List.of("ISO27001:A.5.1", "SOC2:CC1.1"), "status", "pass",
                                "summary", label + " " + i, "payload", Map.of("label", label, "i", i)))
                        .post("/api/v1/evidence").then().statusCode(201);
            }
        } finally {
            MutableClockProducer.CLOCK.reset();
        }
    }

    static Response post(ConsoleSignIn.Session s, String framework, String from, String to) {
        var spec = given().cookie("tl_session", s.cookie()).cookie("csrf-token", s.csrf()).accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrf());
        if (framework != null) {
            spec = spec.formParam("framework", framework);
        }
        if (from != null) {
            spec = spec.formParam("from", from);
        }
        if (to != null) {
            spec = spec.formParam("to", to);
        }
        return spec.post("/staff/exports");
    }

    /** The id in a 303's {@code Location: /staff/exports/<id>}. */
    static long idOf(Response created) {
        String location = created.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
