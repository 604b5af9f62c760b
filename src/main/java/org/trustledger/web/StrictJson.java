package org.trustledger.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one JSON configuration of the application, installed on the ObjectMapper every endpoint and every
 * component that injects one uses. A request body must mean exactly one thing: a repeated name, content
 * after the value, a field the record does not declare, or a number or boolean where text belongs (and the
 * other way round) is refused rather than guessed at. The read limits keep a hostile body from costing more
 * than its size: the HTTP body limit (1 MiB) bounds the whole document, these bound its parts.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Longer than any number a request or a stored payload needs; JCS cannot represent longer ones exactly anyway. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Deeper nesting than any payload we accept or store; bounds the parser's recursion. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** The HTTP body limit: no single string can be longer than the body that carries it. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
