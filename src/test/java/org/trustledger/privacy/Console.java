package org.trustledger.privacy;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.trustledger.console.ConsoleSignIn;

/** Console page calls for the privacy page tests: GET as a browser would, form posts with the session's CSRF token. */
final class Console {

    private Console() {
    }

    static Response get(ConsoleSignIn.Session s, String path) {
        return given().cookie("tl_session", s.cookie()).accept("text/html").redirects().follow(false).get(path);
    }

    /** A form post; {@code fields} alternate names and values (a value may repeat a name, e.g. checkboxes). */
    static Response post(ConsoleSignIn.Session s, String path, String... fields) {
        RequestSpecification spec = given().cookie("tl_session", s.cookie()).cookie("csrf-token", s.csrf()).accept("text/html")
                .redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            spec = spec.formParam(fields[i], fields[i + 1]);
        }
        return spec.post(path);
    }
}
