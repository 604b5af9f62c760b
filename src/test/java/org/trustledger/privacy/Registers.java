package org.trustledger.privacy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers for the privacy registers: JSON calls with a session, and row counts. */
final class Registers {

    private Registers() {
    }

    static Response post(String session, String path, Object body) {
        return given().cookie("tl_session", session).contentType(ContentType.JSON).body(body).post(path);
    }

    static Response put(String session, String path, Object body) {
        return given().cookie("tl_session", session).contentType(ContentType.JSON).body(body).put(path);
    }

    static Response get(String session, String path) {
        return given().cookie("tl_session", session).get(path);
    }

    static Response delete(String session, String path) {
        return given().cookie("tl_session", session).delete(path);
    }

    /** A map from alternating keys and values; values may be null (Map.of refuses them). */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** {@code base} with some keys replaced (a null value removes the key). */
    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove((String) kv[i]);
            } else {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** Row counts of the given tables, to show a refused request wrote nothing. */
    static String counts(EntityManager em, String... tables) {
        return String.join(",", Arrays.stream(tables)
                .map(t -> t + "=" + ((Number) em.createNativeQuery("SELECT count(*) FROM " + t).getSingleResult()).longValue())
                .toList());
    }
}
