package vn.kyso.bench;

import java.io.ByteArrayOutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A client of the service's REST API as a Java agency system sends it: one multipart POST per document
 * with the JDK's blocking {@link HttpURLConnection} (HTTP/1.1, keep-alive, a Content-Length), the whole
 * answer read so the connection goes back to the keep-alive cache.
 */
final class ServiceHttpClient {

    private final URL signatures;
    private final URL validations;
    private final String key;

    ServiceHttpClient(int port, String key) throws Exception {
        this.signatures = URI.create("http://127.0.0.1:" + port + "/api/v1/signatures").toURL();
        this.validations = URI.create("http://127.0.0.1:" + port + "/api/v1/validations").toURL();
        this.key = key;
    }

    byte[] sign(byte[] pdf, String level) throws Exception {
        return post(signatures, pdf, "key", key, "level", level);
    }

    /** The JSON verdict, as the API answers a validation by default; true when VALID. */
    boolean validate(byte[] signed) throws Exception {
        String json = new String(post(validations, signed), StandardCharsets.UTF_8);
        return json.contains("\"verdict\":\"VALID\"");
    }

    private static byte[] post(URL url, byte[] pdf, String... fields) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 512);
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i]
                    + "\"\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpURLConnection http = (HttpURLConnection) url.openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setFixedLengthStreamingMode(body.size());
        http.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        try (var out = http.getOutputStream()) {
            body.writeTo(out);
        }
        int status = http.getResponseCode();
        if (status != 200) {
            try (var err = http.getErrorStream()) {
                throw new IllegalStateException(url.getPath() + ": HTTP " + status + ": "
                        + (err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        try (var in = http.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
