package vn.kyso.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body: the form every upload endpoint of the API reads. */
final class Multipart {

    private final String boundary = "kyso-cli-" + UUID.randomUUID();
    private final List<byte[]> parts = new ArrayList<>();

    /** Adds a text field; a null or blank value is left out, so the server's default applies. */
    Multipart field(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Multipart field(String name, Number value) {
        return value == null ? this : field(name, value.toString());
    }

    Multipart fields(Map<String, String> values) {
        values.forEach(this::field);
        return this;
    }

    Multipart file(String name, Path file) throws IOException {
        return file(name, file.getFileName().toString(), Files.readAllBytes(file));
    }

    Multipart file(String name, String filename, byte[] content) {
        // The file name as UTF-8 in the quoted string: what browsers send and Spring reads.
        String quoted = filename.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + quoted + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    List<byte[]> body() {
        List<byte[]> all = new ArrayList<>(parts);
        all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all;
    }
}
