package vn.kyso.api.upload;

import java.util.List;

/**
 * Where an encrypted PDF is refused (ENCRYPTED_PDF): everywhere a PDF would be signed, stamped, converted,
 * issued, archived or sent. The checking reads (validation, the comparison with an archived original) take
 * it as it is, since its signatures can still be checked; so does a signature container, which wraps its
 * bytes unchanged. One list for the upload guard and the OpenAPI description.
 */
public final class EncryptedPdfs {

    private static final List<String> TAKES_ENCRYPTED = List.of("/api/v1/validations", "/api/v1/issued-documents/",
            "/api/v1/signatures/containers");

    private EncryptedPdfs() {
    }

    /** Whether an upload to this path (a request path or an OpenAPI path template) refuses an encrypted PDF. */
    public static boolean refusedAt(String path) {
        return path != null && TAKES_ENCRYPTED.stream().noneMatch(path::startsWith);
    }
}
