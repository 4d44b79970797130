package vn.kyso.archive.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;

/** The JSON the archive stores (reports, manifests, package metadata): indented, ISO-8601 times. */
final class ArchiveJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ArchiveJson() {
    }

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new ArchiveException(ArchiveError.ARCHIVE_FAILED, "a report could not be written", e);
        }
    }

    static JsonNode read(byte[] json) throws IOException {
        return JSON.readTree(json);
    }
}
