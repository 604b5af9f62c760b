package org.trustledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every resource method that needs a role or a login must be a staff (or service) route, so the allowlist list cannot drift. */
class RoutesCoverageTest {

    @Test
    void everyProtectedResourceMethodIsAStaffRoute() throws Exception {
        List<String> uncovered = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : resourceClasses()) {
            Path classPath = type.getAnnotation(Path.class);
            boolean classProtected = type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(Authenticated.class);
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                boolean permitAll = m.isAnnotationPresent(jakarta.annotation.security.PermitAll.class);
                boolean isProtected = m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(Authenticated.class)
                        || (classProtected && !permitAll);
                if (!isProtected) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String path = join(classPath.value(), methodPath == null ? "" : methodPath.value()).replaceAll("\\{[^}]+}", "x1");
                checked++;
                if (Routes.classify(verb, path) != Routes.Kind.STAFF) {
                    uncovered.add(verb + " " + path + " (" + type.getSimpleName() + "." + m.getName() + ")");
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " protected resource methods; is the class scan broken?");
        assertEquals(List.of(), uncovered, "protected routes missing from org.trustledger.web.Routes");
    }

    @Test
    void classification() {
        assertEquals(Routes.Kind.SERVICE, Routes.classify("POST", "/api/v1/evidence/t-pushed"));
        assertEquals(Routes.Kind.STAFF, Routes.classify("POST", "/api/v1/evidence"));
        assertEquals(Routes.Kind.STAFF, Routes.classify("POST", "/API/v1//gaps/"));
        assertEquals(Routes.Kind.STAFF, Routes.classify("GET", "/api/v1/gaps;x=1"));
        assertEquals(Routes.Kind.STAFF, Routes.classify("POST", "/api/v1/manifests/2026-01-01/seal"));
        assertEquals(Routes.Kind.PUBLIC, Routes.classify("GET", "/api/v1/manifests/2026-01-01"));
        assertEquals(Routes.Kind.PUBLIC, Routes.classify("GET", "/api/v1/staffing"));
        assertEquals(Routes.Kind.PUBLIC, Routes.classify("GET", "/"));
        assertEquals(Routes.Kind.PUBLIC, Routes.classify("POST", "/api/v1/dsr"));
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

    private static String join(String a, String b) {
        String s = "/" + a + "/" + b;
        return s.replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get("target/classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, RoutesCoverageTest.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class)) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
