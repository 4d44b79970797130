package vn.kyso.api.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationRequest;

/**
 * Turns the uploaded parts into a {@link ValidationRequest}, in memory only. The total is checked against
 * {@code kyso.api.max-upload-size} like the signing uploads, whatever multipart settings a deployment
 * overrides, and answers the same 413.
 */
final class SignedUploads {

    private final long maxBytes;
    private final int maxOriginals;

    SignedUploads(ApiSettings settings) {
        this.maxBytes = settings.maxUploadSize().toBytes();
        this.maxOriginals = settings.maxBatchFiles();
    }

    /** @throws ApiException with more than {@code kyso.api.max-batch-files} originals */
    ValidationRequest request(MultipartFile file, List<MultipartFile> originalParts) {
        List<MultipartFile> originals = chosen(originalParts);
        if (originals.size() > maxOriginals) {
            throw ApiException.invalid("at most " + maxOriginals + " originals per request, got " + originals.size());
        }
        long total = file.getSize() + originals.stream().mapToLong(MultipartFile::getSize).sum();
        if (total > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        List<SignedFile> read = new ArrayList<>(originals.size());
        for (MultipartFile part : originals) {
            read.add(read(part));
        }
        return new ValidationRequest(read(file), read, null);
    }

    /**
     * A browser form with an empty file input still sends a part, with no name and no bytes; it means
     * "no original", so such parts are dropped.
     */
    private static List<MultipartFile> chosen(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .toList();
    }

    private static SignedFile read(MultipartFile part) {
        try {
            return new SignedFile(part.getOriginalFilename(), part.getBytes());
        } catch (IOException e) {
            // The part sits in the container's temporary storage: failing to read it is our fault.
            throw new UncheckedIOException(e);
        }
    }
}
