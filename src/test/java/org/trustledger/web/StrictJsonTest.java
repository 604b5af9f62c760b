package org.trustledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

/** The one JSON configuration: what it refuses, independent of any endpoint. */
class StrictJsonTest {

    record Body(String name, Integer count, Boolean flag) {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void acceptsAPlainBody() throws Exception {
        assertEquals(new Body("a", 2, true), strict().readValue("{\"name\":\"a\",\"count\":2,\"flag\":true}", Body.class));
    }

    @Test
    void refusesAmbiguousBodies() {
        ObjectMapper m = strict();
        assertThrows(JsonParseException.class, () -> m.readValue("{\"name\":\"a\",\"name\":\"b\"}", Body.class), "duplicate name");
        assertThrows(MismatchedInputException.class, () -> m.readValue("{\"name\":\"a\"} {}", Body.class), "trailing content");
        assertThrows(MismatchedInputException.class, () -> m.readValue("{\"other\":1}", Body.class), "unknown field");
        assertThrows(MismatchedInputException.class, () -> m.readValue("{\"name\":5}", Body.class), "number as text");
        assertThrows(MismatchedInputException.class, () -> m.readValue("{\"count\":\"5\"}", Body.class), "text as number");
        assertThrows(MismatchedInputException.class, () -> m.readValue("{\"count\":1.5}", Body.class), "fraction as integer");
        assertThrows(MismatchedInputException.class, () -> m.readValue("{\"flag\":\"true\"}", Body.class), "text as boolean");
    }

    @Test
    void boundsNumbersNestingAndStrings() {
        ObjectMapper m = strict();
        assertThrows(StreamConstraintsException.class, () -> m.readTree("1" + "0".repeat(StrictJson.MAX_NUMBER_LENGTH)));
        int depth = StrictJson.MAX_NESTING_DEPTH + 1;
        assertThrows(StreamConstraintsException.class, () -> m.readTree("[".repeat(depth) + "]".repeat(depth)));
        assertThrows(StreamConstraintsException.class, () -> m.readTree("\"" + "a".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\""));
    }
}
