package org.trustledger.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.common.Role;

/**
 * Every console route (a resource method under {@code /staff} that needs a role), found by reflection so none is
 * forgotten, walked as each role and as an anonymous visitor: pages a role may open answer 200, the others 403 (as an
 * HTML page), and anonymous visitors are sent to sign-in. Form posts are refused with 403 to roles without the right.
 * Paths with ids use one fixture per parameter name; a new parameter name fails here until it has a fixture.
 */
@QuarkusTest
class ConsoleRoleMatrixTest {

    record Route(String verb, String template, Set<String> roles, boolean multipart, String where) {

        boolean allows(String role) {
            return roles == null || roles.contains(role);
        }
    }

    @Test
    void everyRoleGetsExactlyItsPages() throws Exception {
        List<Route> routes = consoleRoutes();
        assertTrue(routes.stream().anyMatch(r -> r.template().equals("/staff")), "the scan found no dashboard: " + routes);
        Map<String, ConsoleSignIn.Session> sessions = new TreeMap<>();
        for (String role : Role.ALL) {
            sessions.put(role, ConsoleSignIn.session(role));
        }
        Map<String, String> ids = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String path = fill(route.template(), ids);
            for (var entry : sessions.entrySet()) {
                String role = entry.getKey();
                ConsoleSignIn.Session s = entry.getValue();
                if (route.verb().equals("GET")) {
                    int status = given().cookie("tl_session", s.cookie()).accept("text/html").redirects().follow(false).get(path).statusCode();
                    int expected = route.allows(role) ? 200 : 403;
                    if (status != expected) {
                        wrong.add(role + " GET " + path + ": " + status + ", expected " + expected + " (" + route.where() + ")");
                    }
                } else if (!route.allows(role)) {
                    Response r = post(route, path, s.cookie(), s.csrf());
                    if (r.statusCode() != 403 || !r.contentType().startsWith("text/html")) {
                        wrong.add(role + " POST " + path + ": " + r.statusCode() + " " + r.contentType() + ", expected a 403 page (" + route.where() + ")");
                    }
                }
            }
            Response anonymous = route.verb().equals("GET")
                    ? given().accept("text/html").redirects().follow(false).get(path)
                    : post(route, path, null, sessions.get(Role.ADMIN).csrf());
            if (anonymous.statusCode() != 303 || !anonymous.header("Location").contains("/staff/login")) {
                wrong.add("anonymous " + route.verb() + " " + path + ": " + anonymous.statusCode() + ", expected 303 to sign-in");
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Response post(Route route, String path, String session, String csrf) {
        var spec = given().accept("text/html").redirects().follow(false).cookie("csrf-token", csrf);
        if (session != null) {
            spec = spec.cookie("tl_session", session);
        }
        spec = route.multipart() ? spec.multiPart("csrf-token", csrf) : spec.contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf);
        return spec.post(path);
    }

    /**
     * An existing object for each path parameter name, so allowed roles see a real page. Console resources name their
     * parameters after what they identify; add the fixture here when a page takes a new kind of id.
     */
    private static String fixture(String name) {
        return switch (name) {
            case "collectorId" -> "t-manual";
            // A day is not created: only refused roles post to it here, and a refusal happens before the day is read.
            case "day" -> java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
            case "reportId" -> given().cookie("tl_session", org.trustledger.Staff.admin()).contentType("application/json")
                    .body(Map.of("kind", "ropa")).post("/api/v1/reports").then().statusCode(201).extract().path("[0].id").toString();
            case "exportId" -> finishedExport();
            case "username" -> "admin";
            case "serviceAccountId" -> Long.toString(matrixServiceAccount());
            case "serviceTokenId" -> given().cookie("tl_session", org.trustledger.Staff.admin()).contentType("application/json")
                    .body(Map.of("scopes", List.of("collector:t-pushed"), "label", "matrix"))
                    .post("/api/v1/service-accounts/" + matrixServiceAccount() + "/tokens").then().statusCode(201)
                    .extract().path("details.id").toString();
            case "runId" -> given().cookie("tl_session", Staff.admin()).contentType("application/json").post("/api/v1/collectors/t-manual/run")
                    .then().statusCode(200).extract().path("id").toString();
            case "tokenId" -> given().cookie("tl_session", Staff.admin()).contentType("application/json").body(Map.of("label", "role matrix"))
                    .post("/api/v1/collectors/t-pushed/tokens").then().statusCode(201).extract().path("details.id").toString();
            case "gapId" -> {
                // A failing check opens a gap (or keeps the one open): its id is the fixture.
                given().cookie("tl_session", Staff.admin()).contentType("application/json").post("/api/v1/collectors/t-cmd-false/run")
                        .then().statusCode(200);
                yield given().cookie("tl_session", Staff.admin()).queryParam("source", "t-cmd-false").queryParam("status", "open")
                        .get("/api/v1/gaps").then().statusCode(200).extract().path("[0].id").toString();
            }
            case "caseId" -> privacyFixture("caseId");
            case "breachId" -> privacyFixture("breachId");
            case "consentId" -> privacyFixture("consentId");
            case "dpiaId" -> privacyFixture("dpiaId");
            case "noticeId" -> privacyFixture("noticeId");
            default -> throw new AssertionError("no fixture for the console path parameter {" + name + "}: add one to ConsoleRoleMatrixTest.fixture");
        };
    }

    /** An export queued through the console form and waited for, so its download answers 200 to the roles that may read it. */
    private static String finishedExport() {
        ConsoleSignIn.Session admin = ConsoleSignIn.session("admin");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String location = given().cookie("tl_session", admin.cookie()).cookie("csrf-token", admin.csrf()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", admin.csrf())
                .formParam("framework", "iso27001").formParam("from", today).formParam("to", today)
                .post("/staff/exports").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        org.trustledger.export.ExportJobsWait.untilFinished(Long.parseLong(id));
        return id;
    }

    private static long matrixServiceAccount() {
        String admin = org.trustledger.Staff.admin();
        Response created = given().cookie("tl_session", admin).contentType("application/json").body(Map.of("name", "matrix-ci"))
                .post("/api/v1/service-accounts");
        if (created.statusCode() == 201) {
            return created.jsonPath().getLong("id");
        }
        return given().cookie("tl_session", admin).get("/api/v1/service-accounts").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == 'matrix-ci' }.id");
    }

    /** Privacy records made through their JSON APIs: a DSR case from the public intake, one row of each register. */
    private static String privacyFixture(String name) {
        String admin = Staff.admin();
        String stamp = Long.toString(System.nanoTime());
        return switch (name) {
            case "caseId" -> {
                String email = "matrix-" + stamp + "@example.org";
                given().header("X-Forwarded-For", Staff.freshIp()).contentType(ContentType.JSON)
                        .body(Map.of("email", email, "request_type", "access", "jurisdiction", "EU_GDPR")).post("/api/v1/dsr").then().statusCode(202);
                yield given().cookie("tl_session", admin).contentType(ContentType.JSON).body(Map.of("email", email))
                        .post("/api/v1/dsr-cases/search").then().statusCode(200).extract().path("[0].id").toString();
            }
            case "breachId" -> created(admin, "/api/v1/breaches", Map.of("title", "Matrix breach", "aware_at", java.time.Instant.now().minusSeconds(3600)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "personal_data_affected", true, "our_role", "controller"));
            case "consentId" -> created(admin, "/api/v1/consents", Map.of("purpose_id", "matrix-" + stamp, "description", "Matrix",
                    "legal_text_version", "v1", "collected_via", java.util.List.of("web"), "proof_location", "crm", "withdrawal_method", "Link"));
            case "dpiaId" -> created(admin, "/api/v1/dpias", Map.of("processing_activity_id", "product-analytics", "title", "Matrix DPIA"));
            case "noticeId" -> created(admin, "/api/v1/privacy-notices", Map.of("audience", "staff", "version_label", "matrix-" + stamp,
                    "url", "https://example.org/privacy", "published_at", java.time.Instant.now().plusSeconds(86_400 * 30)
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "text", "Matrix notice", "review_interval_days", 365));
            default -> throw new AssertionError(name);
        };
    }

    private static String created(String session, String path, Map<String, Object> body) {
        return given().cookie("tl_session", session).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201)
                .extract().path("id").toString();
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]+)?}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ids.computeIfAbsent(m.group(1), ConsoleRoleMatrixTest::fixture)));
        }
        return m.appendTail(out).toString();
    }

    static List<Route> consoleRoutes() throws IOException, ClassNotFoundException {
        List<Route> routes = new ArrayList<>();
        java.nio.file.Path root = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                Class<?> c = Class.forName(root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""), false,
                        ConsoleRoleMatrixTest.class.getClassLoader());
                Path classPath = c.getAnnotation(Path.class);
                if (classPath == null || !(classPath.value().equals("/staff") || classPath.value().startsWith("/staff/"))) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    String verb = verb(m);
                    RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class) : c.getAnnotation(RolesAllowed.class);
                    boolean authenticated = m.isAnnotationPresent(Authenticated.class) || c.isAnnotationPresent(Authenticated.class);
                    if (verb == null || (roles == null && !authenticated) || c.getSimpleName().equals("SsoResource")) {
                        continue;
                    }
                    Path mp = m.getAnnotation(Path.class);
                    String template = ("/" + classPath.value() + "/" + (mp == null ? "" : mp.value())).replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
                    Consumes consumes = m.getAnnotation(Consumes.class);
                    boolean multipart = consumes != null && List.of(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
                    routes.add(new Route(verb, template, roles == null ? null : Set.of(roles.value()), multipart, c.getSimpleName() + "." + m.getName()));
                }
            }
        }
        return routes;
    }

    private static String verb(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }
}
