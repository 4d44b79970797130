package vn.kyso.api.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import vn.kyso.signing.Document;

/**
 * Reads uploaded parts into {@link Document}s. The servlet container already enforces
 * {@code kyso.api.max-upload-size}; checking again here keeps the limit true whatever multipart
 * settings a deployment overrides, and raises the same exception, so the client sees the same 413.
 */
final class Uploads {

    private final long maxBytes;
    private final int maxFiles;

    Uploads(ApiSettings settings) {
        this.maxBytes = settings.maxUploadSize().toBytes();
        this.maxFiles = settings.maxBatchFiles();
    }

    Document document(MultipartFile file) {
        return documents(List.of(file)).get(0);
    }

    /** @throws ApiException with no files or more than {@code kyso.api.max-batch-files} */
    List<Document> documents(List<MultipartFile> files) {
        if (files.isEmpty()) {
            throw ApiException.invalid("at least one file is required");
        }
        if (files.size() > maxFiles) {
            throw ApiException.invalid("at most " + maxFiles + " files per request, got " + files.size());
        }
        long total = files.stream().mapToLong(MultipartFile::getSize).sum();
        if (total > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        return files.stream().map(Uploads::read).toList();
    }

    private static Document read(MultipartFile file) {
        try {
            return new Document(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            // The part sits in the container's temporary storage: failing to read it is our fault.
            throw new UncheckedIOException(e);
        }
    }
}
