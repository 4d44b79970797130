package vn.kyso.api.signing;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.kyso.signing.SignedDocument;

/** A signed document as an HTTP download, with the signature's facts in headers. */
public final class Downloads {

    static final String FORMAT_HEADER = "X-Signature-Format";
    static final String LEVEL_HEADER = "X-Signature-Level";
    static final String SIGNING_TIME_HEADER = "X-Signing-Time";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(SignedDocument signed) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(signed.mediaType()))
                .contentLength(signed.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(signed.name()))
                // Signed official documents must not linger in shared caches.
                .cacheControl(CacheControl.noStore())
                .header(FORMAT_HEADER, Params.label(signed.format()))
                .header(LEVEL_HEADER, Params.label(signed.level()))
                .header(SIGNING_TIME_HEADER, signed.signingTime().toString())
                .body(signed.content());
    }

    /**
     * {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). Spring's
     * ContentDisposition would add an RFC 2047 encoded-word instead of a readable ASCII fallback; clients
     * that ignore {@code filename*} get "Quyet dinh.pdf" rather than "=?UTF-8?Q?...".
     */
    public static String attachment(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String asciiFallback(String name) {
        // Most names are plain ASCII already: decomposing them and compiling a pattern per download was a
        // measurable share of a small signing request's own work (docs/benchmarks.md, "What HTTP adds").
        String stripped = isAscii(name) ? name : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        StringBuilder out = new StringBuilder(stripped.length());
        for (char c : stripped.toCharArray()) {
            // Quotes and backslashes would end the quoted string, '%' is decoded by some browsers, and
            // control characters could split the header.
            boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%';
            out.append(safe ? c : '_');
        }
        return out.toString();
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
