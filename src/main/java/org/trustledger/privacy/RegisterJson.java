package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import org.trustledger.web.Problem;

/**
 * Reads the JSON body of a register write strictly: a body must mean one thing, so duplicate keys,
 * trailing content, unknown fields and values of another type ({@code "true"} for a boolean, {@code 1}
 * for text, {@code 1.5} for a whole number) are refused with 400 rather than coerced.
 */
@ApplicationScoped
public class RegisterJson {

    private final ObjectMapper strict;

    public RegisterJson(ObjectMapper mapper) {
        strict = mapper.copy();
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.EmptyString}) {
            strict.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString}) {
            strict.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * The body as {@code type}. Errors the shared problem mappers know (unknown field, wrong type, malformed
     * JSON) propagate to them so the field is named; anything else Jackson refuses becomes a plain 400.
     */
    public <T> T read(String body, Class<T> type) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw Problem.Exception.of(400, "A JSON object is required.");
        }
        T value;
        try {
            value = strict.readValue(body, type);
        } catch (DatabindException | JsonParseException e) {
            throw e;
        } catch (JsonProcessingException e) {
            // Numbers out of range, nesting or lengths over Jackson's limits.
            throw Problem.Exception.of(400, "The request body has a value out of range.");
        }
        if (value == null) {
            throw Problem.Exception.of(400, "A JSON object is required.");
        }
        return value;
    }
}
