package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Register request fields that take only their own JSON type: a body must mean one thing, so {@code "true"}
 * for a boolean, {@code 1} for text or {@code 1.5} for a whole number are refused with 400 (naming the field)
 * rather than coerced. Used as {@code @JsonDeserialize(using = ...)} on request record components.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** Text only: a JSON string. */
    static final class Text extends StdDeserializer<String> {
        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }

    /** {@code true} or {@code false} only. */
    static final class Bool extends StdDeserializer<Boolean> {
        private static final long serialVersionUID = 1L;

        Bool() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getBooleanValue();
            }
            return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
        }
    }

    /** A whole number within the range of {@code int}. */
    static final class WholeNumber extends StdDeserializer<Integer> {
        private static final long serialVersionUID = 1L;

        WholeNumber() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }
}
