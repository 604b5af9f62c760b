package org.trustledger.collect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.tlog.Codec;
import org.trustledger.tlog.Hashes;

/**
 * The manual upload API in both encodings: base64 in JSON and a multipart form ({@code file}, {@code expires_at},
 * {@code note}). Both go through {@link ManualEvidence}, so the same input is accepted or refused the same way, and a
 * refused upload writes nothing.
 */
@QuarkusTest
class CollectorUploadApiTest {

    private static final String PATH = "/api/v1/collectors/t-manual/uploads";

    @Inject
    DataSource db;

    /** A multipart call with a double-submit CSRF pair, as any form post (a cross-site form can send multipart). */
    static RequestSpecification multipart(String session) {
        byte[] raw = new byte[16];
        new SecureRandom().nextBytes(raw);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return given().cookie("tl_session", session).cookie("csrf-token", csrf).multiPart("csrf-token", csrf);
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    private static Map<String, Object> json(byte[] content, String filename, String expiresAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("filename", filename);
        m.put("media_type", "application/pdf");
        m.put("content_base64", Base64.getEncoder().encodeToString(content));
        m.put("expires_at", expiresAt);
        m.put("note", "Q4 report");
        return m;
    }

    @Test
    void aMultipartUploadIsStoredAndRunAsTheJsonOneIs() {
        byte[] pdf = "%PDF-1.7 multipart training records".getBytes(StandardCharsets.UTF_8);
        String compliance = Staff.withRole("compliance");
        JsonPath r = multipart(compliance).multiPart("file", "training-q4.pdf", pdf, "Application/PDF; charset=UTF-8")
                .multiPart("expires_at", inDays(20)).multiPart("note", "Signed by HR")
                .post(PATH).then().statusCode(201).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals("training-q4.pdf", r.getString("upload.filename"));
        assertEquals("application/pdf", r.getString("upload.media_type"), "the part's type without its parameters");
        assertEquals(pdf.length, r.getInt("upload.size_bytes"));
        assertEquals(Codec.toHex(Hashes.sha256(pdf)), r.getString("upload.sha256"));
        assertEquals("Signed by HR", r.getString("upload.note"));
        assertEquals("test-compliance", r.getString("upload.uploaded_by"));
        assertEquals("pass", r.getString("run.status"));
        assertEquals("upload", r.getString("run.origin"));
        byte[] back = given().cookie("tl_session", Api.admin()).get(PATH + "/" + r.getLong("upload.id") + "/content").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(new String(pdf, StandardCharsets.UTF_8), new String(back, StandardCharsets.UTF_8));

        byte[] json = "%PDF-1.7 json".getBytes(StandardCharsets.UTF_8);
        assertEquals("pass", given().cookie("tl_session", compliance).contentType(ContentType.JSON).body(json(json, "json.pdf", inDays(20)))
                .post(PATH).then().statusCode(201).extract().jsonPath().getString("run.status"));
    }

    @Test
    void badMultipartUploadsAre4xxProblemsAndWriteNothing() {
        String admin = Api.admin();
        long uploads = Api.count(db, "SELECT count(*) FROM manual_upload");
        long runs = Api.count(db, "SELECT count(*) FROM collector_run");
        byte[] ok = "evidence".getBytes(StandardCharsets.UTF_8);
        record Bad(String what, RequestSpecification spec, int status, String field) {
        }
        List<Bad> bad = List.of(
                new Bad("no file", multipart(admin).multiPart("expires_at", inDays(5)), 400, "file"),
                new Bad("a text field instead of a file", multipart(admin).multiPart("file", "just text").multiPart("expires_at", inDays(5)), 400, "file"),
                new Bad("an empty file", multipart(admin).multiPart("file", "empty.pdf", new byte[0], "application/pdf")
                        .multiPart("expires_at", inDays(5)), 400, "file"),
                new Bad("too large", multipart(admin).multiPart("file", "big.bin", new byte[600 * 1024], "application/octet-stream")
                        .multiPart("expires_at", inDays(5)), 413, "file"),
                new Bad("no expiry", multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf"), 400, "expires_at"),
                new Bad("expiry not a date", multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf")
                        .multiPart("expires_at", "next tuesday"), 400, "expires_at"),
                new Bad("expiry in the past", multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf")
                        .multiPart("expires_at", "2020-01-01"), 400, "expires_at"),
                new Bad("expiry beyond max_validity", multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf")
                        .multiPart("expires_at", inDays(60)), 400, "expires_at"),
                new Bad("note too long", multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf")
                        .multiPart("expires_at", inDays(5)).multiPart("note", "n".repeat(1001)), 400, "note"),
                new Bad("a type that is not a media type", multipart(admin).multiPart("file", "a.pdf", ok, "pdf")
                        .multiPart("expires_at", inDays(5)), 400, "file"));
        for (Bad b : bad) {
            Response r = b.spec().post(PATH);
            assertEquals(b.status(), r.statusCode(), b.what() + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), b.what() + ": " + r.contentType());
            assertTrue(r.jsonPath().getList("errors.field").contains(b.field()), b.what() + ": " + r.asString());
        }
        // A multipart post is a form: without the CSRF pair it is refused before anything runs.
        given().cookie("tl_session", admin).multiPart("file", "a.pdf", ok, "application/pdf").multiPart("expires_at", inDays(5))
                .post(PATH).then().statusCode(400).contentType("application/problem+json");
        multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf").multiPart("expires_at", inDays(5))
                .post("/api/v1/collectors/t-cmd-true/uploads").then().statusCode(409).contentType("application/problem+json");
        multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf").multiPart("expires_at", inDays(5))
                .post("/api/v1/collectors/no-such/uploads").then().statusCode(404).contentType("application/problem+json");
        multipart(Staff.withRole("auditor")).multiPart("file", "a.pdf", ok, "application/pdf").multiPart("expires_at", inDays(5))
                .post(PATH).then().statusCode(403).contentType("application/problem+json");
        assertEquals(uploads, Api.count(db, "SELECT count(*) FROM manual_upload"));
        assertEquals(runs, Api.count(db, "SELECT count(*) FROM collector_run"));
    }

    /** One code path: the same bad expiry or size gets the same refusal whichever encoding carried it. */
    @Test
    void bothEncodingsRefuseAlike() {
        String admin = Api.admin();
        byte[] ok = "evidence".getBytes(StandardCharsets.UTF_8);
        Response viaJson = given().cookie("tl_session", admin).contentType(ContentType.JSON).body(json(ok, "a.pdf", "2020-01-01")).post(PATH);
        Response viaForm = multipart(admin).multiPart("file", "a.pdf", ok, "application/pdf").multiPart("expires_at", "2020-01-01").post(PATH);
        assertEquals(400, viaJson.statusCode());
        assertEquals(viaJson.jsonPath().getList("errors"), viaForm.jsonPath().getList("errors"));
        assertEquals(viaJson.jsonPath().getString("detail"), viaForm.jsonPath().getString("detail"));

        byte[] big = new byte[600 * 1024];
        Response bigJson = given().cookie("tl_session", admin).contentType(ContentType.JSON).body(json(big, "a.bin", inDays(5))).post(PATH);
        Response bigForm = multipart(admin).multiPart("file", "a.bin", big, "application/octet-stream").multiPart("expires_at", inDays(5))
                .post(PATH);
        assertEquals(413, bigJson.statusCode());
        assertEquals(413, bigForm.statusCode());
        assertEquals(bigJson.jsonPath().getString("errors[0].reason"), bigForm.jsonPath().getString("errors[0].reason"));
    }
}
