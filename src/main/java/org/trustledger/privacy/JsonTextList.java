package org.trustledger.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A jsonb array of strings (consent channels, DPIA criteria) as a list. A JSON array of strings has one
 * form whatever the mapper's settings, so a plain mapper suffices and Hibernate needs no JSON format mapper.
 * The columns cast the text to jsonb on write ({@code @ColumnTransformer}).
 */
@Converter
public class JsonTextList implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
