package vn.kyso.signing;

import java.util.Objects;

/** Sign one document with the HSM key named {@code keyId}. */
public record SignRequest(Document document, String keyId, SignOptions options) {

    public SignRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(options, "options");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("key is required");
        }
    }
}
