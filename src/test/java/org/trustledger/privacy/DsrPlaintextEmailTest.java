package org.trustledger.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;

/** After real intakes (valid, rejected and searched for), no submitted address is anywhere in the database or the log. */
@QuarkusTest
class DsrPlaintextEmailTest {

    @Inject
    EntityManager em;

    @Test
    void noSubmittedEmailIsStoredOrLoggedInPlaintext() {
        List<String> emails = List.of("Scan.Alice@Example.ORG", "scan-bob+dsr@example.org", "  SCAN.CAROL@EXAMPLE.NET ", "scan.dave@example.com");
        List<String> logged = new ArrayList<>();
        PatternFormatter format = new PatternFormatter("%c %s %e");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(format.format(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            org.jboss.logging.Logger.getLogger(DsrPlaintextEmailTest.class).infof("capture check %s", "works");
            String[][] laws = {{"access", "EU_GDPR"}, {"erasure", "UK_GDPR"}, {"objection", "CH_FADP"}, {"know", "US_CCPA"}};
            for (int i = 0; i < emails.size(); i++) {
                Dsr.submit(emails.get(i), laws[i][0], laws[i][1]);
                // Rejected submissions must not leave the address behind either.
                Dsr.post(Dsr.body(emails.get(i), "know", "EU_GDPR"), Dsr.freshIp()).then().statusCode(422);
            }
            String privacy = Staff.withRole("privacy");
            given().cookie("tl_session", privacy).contentType(ContentType.JSON).body(Map.of("email", emails.get(0)))
                    .post("/api/v1/dsr-cases/search").then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(l -> l.contains("capture check works")), "the log capture sees application log lines");

        @SuppressWarnings("unchecked")
        List<Object[]> columns = em.createNativeQuery("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                 WHERE table_schema = current_schema()
                   AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
                """).getResultList();
        assertTrue(columns.stream().anyMatch(c -> "dsr_case".equals(c[0]) && "email_hmac".equals(c[1])), "the scan sees the DSR tables");
        for (String email : emails) {
            String needle = email.strip().toLowerCase(Locale.ROOT);
            for (Object[] c : columns) {
                String column = "\"" + c[1] + "\"";
                // bytea as its escaped text form: printable bytes stay readable, so a plaintext copy would show.
                String text = "bytea".equals(c[2]) ? "encode(" + column + ", 'escape')" : column + "::text";
                Number hits = (Number) em.createNativeQuery("SELECT count(*) FROM \"" + c[0] + "\" WHERE strpos(lower(" + text + "), ?1) > 0")
                        .setParameter(1, needle).getSingleResult();
                assertEquals(0, hits.intValue(), email + " found in " + c[0] + "." + c[1]);
            }
            for (String line : logged) {
                assertTrue(!line.toLowerCase(Locale.ROOT).contains(needle), "logged: " + line);
            }
        }
    }
}
