package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/** Manual evidence: an upload with an expiry makes the check pass until it lapses. */
@QuarkusTest
class ManualEvidenceTest {

    @Inject
    DataSource db;

    static Map<String, Object> upload(String content, String expiresAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("filename", "training-2026.pdf");
        m.put("media_type", "application/pdf");
        m.put("content_base64", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
        m.put("expires_at", expiresAt);
        m.put("note", "Q4 completion report");
        return m;
    }

    @Test
    void passesWhileAnUnexpiredUploadExistsAndFailsWhenItLapses() throws Exception {
        Api.exec(db, "DELETE FROM manual_upload WHERE collector_id = 't-manual'");
        Api.run("t-manual").then().statusCode(200).body("status", is("fail"))
                .body("summary", is("no evidence uploaded yet: Training completion report."));
        String compliance = Staff.withRole("compliance");
        String soon = Instant.now().plusSeconds(3).toString();
        JsonPath r = given().cookie("tl_session", compliance).contentType(ContentType.JSON).body(upload("%PDF-1.7 records", soon))
                .post("/api/v1/collectors/t-manual/uploads").then().statusCode(201).extract().jsonPath();
        assertEquals("pass", r.getString("run.status"));
        assertEquals("upload", r.getString("run.origin"));
        assertEquals(Codec.toHex(Hashes.sha256("%PDF-1.7 records".getBytes(StandardCharsets.UTF_8))), r.getString("upload.sha256"));
        assertEquals("test-compliance", r.getString("upload.uploaded_by"));
        byte[] content = given().cookie("tl_session", Staff.withRole("auditor"))
                .get("/api/v1/collectors/t-manual/uploads/" + r.getLong("upload.id") + "/content")
                .then().statusCode(200).header("Content-Disposition", startsWith("attachment")).extract().asByteArray();
        assertArrayEquals("%PDF-1.7 records".getBytes(StandardCharsets.UTF_8), content);
        Thread.sleep(3500);
        Api.run("t-manual").then().statusCode(200).body("status", is("fail"))
                .body("summary", startsWith("stale: the latest upload 'training-2026.pdf' expired at "));
        String nextWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
        given().cookie("tl_session", compliance).contentType(ContentType.JSON).body(upload("renewed", nextWeek))
                .post("/api/v1/collectors/t-manual/uploads").then().statusCode(201).body("run.status", is("pass"));
    }

    @Test
    void badUploadsAreRefusedAndWriteNothing() {
        long uploads = Api.count(db, "SELECT count(*) FROM manual_upload");
        long runs = Api.count(db, "SELECT count(*) FROM collector_run");
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        Map<String, Object> badBase64 = upload("x", future);
        badBase64.put("content_base64", "not base64!");
        Map<String, Object> empty = upload("x", future);
        empty.put("content_base64", "");
        Map<String, Object> path = upload("x", future);
        path.put("filename", "../../etc/passwd");
        Map<String, Object> media = upload("x", future);
        media.put("media_type", "pdf");
        Map<String, Object> unknown = upload("x", future);
        unknown.put("owner", "me");
        for (Map<String, Object> body : java.util.List.of(badBase64, empty, path, media, unknown,
                upload("x", "2020-01-01"), upload("x", "next tuesday"),
                upload("x", LocalDate.now(ZoneOffset.UTC).plusDays(60).toString()))) {
            given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/collectors/t-manual/uploads").then().statusCode(400).contentType("application/problem+json");
        }
        Map<String, Object> big = upload("x", future);
        big.put("content_base64", Base64.getEncoder().encodeToString(new byte[600 * 1024]));
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(big)
                .post("/api/v1/collectors/t-manual/uploads").then().statusCode(413).contentType("application/problem+json");
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(upload("x", future))
                .post("/api/v1/collectors/t-cmd-true/uploads").then().statusCode(409).contentType("application/problem+json");
        given().cookie("tl_session", Api.admin()).contentType(ContentType.JSON).body(upload("x", future))
                .post("/api/v1/collectors/no-such/uploads").then().statusCode(404).contentType("application/problem+json");
        assertEquals(uploads, Api.count(db, "SELECT count(*) FROM manual_upload"));
        assertEquals(runs, Api.count(db, "SELECT count(*) FROM collector_run"));
    }
}
