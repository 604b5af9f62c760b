package org.trustledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trustledger.Staff;
import org.trustledger.common.Role;

/**
 * The whole table of state-changing routes, found by reflection, against the requests a cross-site page can send
 * without a preflight: no Content-Type, text/plain, a form type where JSON belongs, and any request a browser marks
 * {@code Sec-Fetch-Site: cross-site}. None may succeed and none may fail with 5xx; routes an admin may use answer
 * exactly 415 (or 403 for cross-site), before the body is read.
 */
@QuarkusTest
class StrictRequestTypesTest {

    record Route(String verb, String path, List<String> consumes, boolean adminMay) {
    }

    private static final Map<String, UnaryOperator<RequestSpecification>> HOSTILE = Map.of(
            "no Content-Type", s -> s.noContentType().body("{\"username\":\"x\",\"password\":\"p\",\"roles\":[\"admin\"]}".getBytes()),
            "text/plain", s -> s.contentType("text/plain").body("{\"name\":\"x\"}"),
            "urlencoded form", s -> s.contentType("application/x-www-form-urlencoded").body("name=x"),
            "multipart", s -> s.multiPart("file", "x.txt", "x".getBytes()),
            "cross-site JSON", s -> s.header("Sec-Fetch-Site", "cross-site").contentType("application/json").body("{}"));

    @Test
    void noHostileRequestSucceedsOrBreaksTheServer() throws Exception {
        String admin = Staff.admin();
        List<Route> routes = unsafeRoutes();
        assertTrue(routes.size() > 60, "found only " + routes.size() + " state-changing routes; is the scan broken?");
        List<String> wrong = new ArrayList<>();
        for (Route r : routes) {
            for (var variant : HOSTILE.entrySet()) {
                String name = variant.getKey();
                if (name.equals("multipart") && r.consumes().contains("multipart/form-data")
                        || name.equals("urlencoded form") && r.consumes().contains("application/x-www-form-urlencoded")) {
                    continue; // the route's own type: not hostile here
                }
                RequestSpecification spec = given().cookie("tl_session", admin).header("X-Forwarded-For", Staff.freshIp())
                        .redirects().follow(false);
                int status = variant.getValue().apply(spec).request(r.verb(), r.path()).statusCode();
                boolean crossSite = name.startsWith("cross-site");
                if (status < 400 || status >= 500) {
                    wrong.add(r.verb() + " " + r.path() + " with " + name + ": " + status);
                } else if (r.adminMay() && !(status == 415 || crossSite && status == 403 || status == 400 && r.path().startsWith("/staff"))) {
                    // A type the route does not declare at all is 415 before the filter; console forms without their
                    // CSRF token may be refused by the CSRF check (400) first.
                    wrong.add(r.verb() + " " + r.path() + " with " + name + ": " + status + ", expected " + (crossSite ? "403 or 415" : "415"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRoutesOwnTypeStillWorks() {
        given().cookie("tl_session", Staff.admin()).contentType("application/json").post("/api/v1/collectors/t-cmd-true/run")
                .then().statusCode(200);
        given().cookie("tl_session", Staff.admin()).contentType("application/json; charset=UTF-8").post("/api/v1/collectors/t-cmd-true/run")
                .then().statusCode(200);
    }

    private static List<Route> unsafeRoutes() throws Exception {
        List<Route> out = new ArrayList<>();
        java.nio.file.Path root = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                Class<?> c = Class.forName(root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""), false,
                        StrictRequestTypesTest.class.getClassLoader());
                Path classPath = c.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    String verb = null;
                    for (var a : m.getAnnotations()) {
                        HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
                        if (hm != null) {
                            verb = hm.value();
                        }
                    }
                    if (verb == null || List.of("GET", "HEAD", "OPTIONS").contains(verb)) {
                        continue;
                    }
                    Path mp = m.getAnnotation(Path.class);
                    String path = ("/" + classPath.value() + "/" + (mp == null ? "" : mp.value())).replaceAll("/{2,}", "/")
                            .replaceAll("(.)/$", "$1").replaceAll("\\{[^}]+}", "1");
                    Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class) : c.getAnnotation(Consumes.class);
                    RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class) : c.getAnnotation(RolesAllowed.class);
                    boolean adminMay = roles == null ? m.isAnnotationPresent(PermitAll.class) || path.startsWith("/staff")
                            : List.of(roles.value()).contains(Role.ADMIN);
                    out.add(new Route(verb, path, consumes == null ? List.of() : List.of(consumes.value()), adminMay));
                }
            }
        }
        // Several methods may share a verb and path with different types (JSON and multipart uploads): a type any of
        // them declares is that route's own.
        Map<String, List<String>> types = new java.util.HashMap<>();
        for (Route r : out) {
            types.computeIfAbsent(r.verb() + " " + r.path(), k -> new ArrayList<>()).addAll(r.consumes());
        }
        return out.stream().map(r -> new Route(r.verb(), r.path(), types.get(r.verb() + " " + r.path()), r.adminMay())).distinct().toList();
    }
}
