package vn.kyso.archive.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.kyso.archive.DocumentDescription;

/**
 * The Appendix VI description of a record as the catalogue's {@code record.description} JSON column:
 * twelve optional fields that are shown and exported but never searched on their own, so one column
 * rather than twelve.
 */
final class DescriptionJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DescriptionJson() {
    }

    static String write(DocumentDescription d) {
        try {
            return d == null ? null : JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("description not writable as JSON", e);
        }
    }

    /** Null (a record catalogued before the column existed) reads as no description. */
    static DocumentDescription read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, DocumentDescription.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("description column is not a description", e);
        }
    }
}
