package vn.kyso.api.upload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;

/**
 * Checks every upload before the endpoint runs, so each cause has one code on every endpoint: a file with
 * no bytes is EMPTY_DOCUMENT, a request over the limit UPLOAD_TOO_LARGE (the container usually says so
 * first), and an encrypted PDF ENCRYPTED_PDF on the endpoints that sign, convert, issue or archive it.
 * Checking reads (validation, the comparison with an archived original) take an encrypted PDF as it is:
 * its signatures can still be checked; so does a signature container, which does not change the PDF.
 */
final class UploadGuard implements HandlerInterceptor {

    private final long maxBytes;

    UploadGuard(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return true;
        }
        long total = 0;
        for (Map.Entry<String, List<MultipartFile>> e : multipart.getMultiFileMap().entrySet()) {
            for (MultipartFile part : e.getValue()) {
                total += part.getSize();
                checkNotEmpty(e.getKey(), part);
            }
        }
        if (total > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        if (EncryptedPdfs.refusedAt(request.getRequestURI())) {
            for (List<MultipartFile> parts : multipart.getMultiFileMap().values()) {
                for (MultipartFile part : parts) {
                    if (!part.isEmpty() && PdfEncryption.isEncrypted(bytes(part))) {
                        throw new ApiException(ApiError.ENCRYPTED_PDF, "'" + name(part) + "' is an encrypted PDF "
                                + "(it carries a password or permissions); send an unencrypted copy");
                    }
                }
            }
        }
        return true;
    }

    /**
     * A browser form's empty optional file input sends a part with no file name and no bytes: that is "no
     * file", not an empty one. The main part, "file", is never optional when sent.
     */
    private static void checkNotEmpty(String field, MultipartFile part) {
        boolean named = part.getOriginalFilename() != null && !part.getOriginalFilename().isBlank();
        if (part.isEmpty() && (named || "file".equals(field))) {
            throw new ApiException(ApiError.EMPTY_DOCUMENT, "'" + (named ? part.getOriginalFilename() : field)
                    + "' is empty (0 bytes)");
        }
    }


    private static String name(MultipartFile part) {
        String n = part.getOriginalFilename();
        return n == null || n.isBlank() ? part.getName() : n;
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            // The part sits in the container's temporary storage: failing to read it is our fault.
            throw new UncheckedIOException(e);
        }
    }
}
