package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.IssuedCopyCheck;

/** The public side of the archive: the verification page asks whether a citizen's copy is the original. */
@RestController
@RequestMapping("/api/v1/issued-documents")
@Tag(name = "Verification")
class IssuedDocumentsController {

    private final Archive archive;
    private final long maxBytes;

    IssuedDocumentsController(ObjectProvider<ArchiveService> archive, ApiSettings settings) {
        this.archive = new Archive(archive);
        this.maxBytes = settings.maxUploadSize().toBytes();
    }

    @PostMapping(path = "/{documentId}/comparison", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Compare a copy with the archived original a QR code names",
            description = "Public, rate-limited, nothing stored. `IDENTICAL`: the archived original (or its archived "
                    + "long-term copy); `EXTENDS_ORIGINAL`: the original followed by later additions such as more "
                    + "signatures; `DIFFERENT`; `NOT_ARCHIVED`. The record's catalogue entry is shown only when its "
                    + "access regime is public.")
    ResponseEntity<IssuedCopyCheck> compare(@PathVariable String documentId,
            @Parameter(description = "The copy the citizen holds") @RequestParam("file") MultipartFile file) {
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        byte[] copy;
        try {
            copy = file.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("the upload could not be read");
        }
        if (copy.length == 0) {
            throw ApiException.invalid("the file is empty");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(archive.get().checkIssuedCopy(documentId, copy));
    }
}
