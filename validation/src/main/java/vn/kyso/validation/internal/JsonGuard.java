package vn.kyso.validation.internal;

import java.util.Base64;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Bounds the nesting of a JSON document (or of a compact JWS's header) before a recursive JSON parser
 * sees it; deep nesting is how a small file exhausts a parser's stack.
 */
final class JsonGuard {

    private JsonGuard() {
    }

    static void check(byte[] content, ContentKind kind, InputLimits limits) {
        if (kind == ContentKind.JWS_COMPACT) {
            String text = new String(content, java.nio.charset.StandardCharsets.US_ASCII).strip();
            String header = text.substring(0, text.indexOf('.'));
            byte[] decoded;
            try {
                decoded = Base64.getUrlDecoder().decode(header);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(ValidationError.MALFORMED_DOCUMENT,
                        "the JWS header is not base64url", e);
            }
            checkDepth(decoded, limits.maxJsonDepth());
        } else {
            checkDepth(content, limits.maxJsonDepth());
        }
    }

    static void checkDepth(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > max) {
                    throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                            "the JSON document nests more than " + max + " deep");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }
}
