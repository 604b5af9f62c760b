package org.trustledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;

/** Writes a problem directly on the Vert.x response, for errors raised outside Jakarta REST. */
final class ProblemWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemWriter() {
    }

    static void write(HttpServerResponse response, Problem problem) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        String body;
        try {
            body = MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"Internal Server Error\",\"status\":500}";
        }
        response.setStatusCode(problem.status());
        response.headers().set("Content-Type", Problem.MEDIA_TYPE);
        response.headers().remove("Content-Length");
        response.end(body);
    }
}
