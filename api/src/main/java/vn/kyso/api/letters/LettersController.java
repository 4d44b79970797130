package vn.kyso.api.letters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.security.KeyOwnership;
import vn.kyso.api.signing.Downloads;
import vn.kyso.api.signing.Placements;
import vn.kyso.api.signing.SigningProblems;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LettersException;
import vn.kyso.letters.LettersService;
import vn.kyso.signing.Placement;

/**
 * The clerk's outgoing letters (Decree 30/2020/ND-CP), the web side of {@link LettersService}. The service
 * is resolved per request: the controller slices (@WebMvcTest) load every controller without it and must
 * still start, and a server without database, signing or conversion answers 503.
 */
@RestController
@RequestMapping("/api/v1/letters")
@Tag(name = "Letters", description = "The clerk's workflow for outgoing letters: draft, the authorised "
        + "person's signature, issuing with the organisation's signature, archiving")
class LettersController {

    /** Who acted, for the timeline, until authentication names the caller. */
    static final String ACTOR_HEADER = "X-Kyso-Actor";

    private final LetterAccess lookup;
    private final long maxBytes;
    private final int maxAttachments;

    private final KeyOwnership keyOwnership;
    private final AccessControl access;

    LettersController(ObjectProvider<LettersService> letters, ApiSettings api, KeyOwnership keyOwnership,
            AccessControl access) {
        this.keyOwnership = keyOwnership;
        this.access = access;
        this.lookup = new LetterAccess(letters, access);
        this.maxBytes = api.maxUploadSize().toBytes();
        this.maxAttachments = api.maxBatchFiles();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a draft letter",
            description = "DOCX, ODT, DOC or PDF; converted to PDF/A-2b (a PDF/A is kept as it is). The metadata "
                    + "is checked against the archive's rules first; every field at fault is listed in `errors`. "
                    + "The letter starts as DRAFT.")
    // Converted to PDF/A, then prepared for the number and date to be filled in at issue.
    @ProblemCodes({"LETTERS_UNAVAILABLE", "METADATA_INVALID", "UNSUPPORTED_TYPE", "DOCUMENT_TOO_LARGE",
        "DOCUMENT_TOO_COMPLEX", "CONVERSION_FAILED", "CONVERSION_TIMEOUT", "CONVERTER_UNAVAILABLE",
        "MALFORMED_DOCUMENT", "SIGNING_FAILED"})
    ResponseEntity<Letter> upload(
            @Parameter(description = "The draft") @RequestParam("file") MultipartFile file,
            @Parameter(description = "Trích yếu") @RequestParam(required = false) String subject,
            @Parameter(description = "Tên loại văn bản, e.g. Công văn") @RequestParam(required = false)
            String documentType,
            @Parameter(description = "Mã hồ sơ the letter is filed in") @RequestParam(required = false)
            String fileCode,
            @Parameter(description = "'permanent' or a number of years") @RequestParam(required = false)
            String preservation,
            @Parameter(description = "public or restricted (default)") @RequestParam(required = false)
            String accessRegime,
            @Parameter(description = "Keywords separated by ',' or ';'") @RequestParam(required = false)
            String keywords,
            @Parameter(hidden = true) Caller caller) {
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        byte[] content = bytes(file);
        if (content.length == 0) {
            throw ApiException.invalid("the file is empty");
        }
        if (access.enforced() && caller.organisation() == null) {
            // a letter nobody's organisation owns could never be seen again
            throw ApiException.invalid("the caller acts for no organisation, so cannot file a letter");
        }
        Letter letter = lookup.workflow().draft(file.getOriginalFilename(), content, new LettersService.DraftForm(subject,
                documentType, fileCode, preservation, accessRegime, keywords), caller.actor(), caller.organisation());
        return ResponseEntity.created(URI.create("/api/v1/letters/" + letter.id())).body(letter);
    }

    @GetMapping
    @Operation(summary = "The letters, most recently changed first (without their timelines)")
    @ProblemCodes("LETTERS_UNAVAILABLE")
    List<Letter> list(@Parameter(hidden = true) Caller caller) {
        if (access.enforced()) {
            // only the caller's organisation's letters
            return caller.organisation() == null ? List.of() : lookup.workflow().list(caller.organisation());
        }
        return lookup.workflow().list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A letter: state, metadata and who signed or issued it when")
    @LetterProblems
    ResponseEntity<Letter> letter(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(lookup.owned(LetterAccess.uuid(id), caller));
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "The letter's current PDF: the draft, then each signed version")
    @LetterProblems
    ResponseEntity<byte[]> pdf(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        UUID letterId = LetterAccess.uuid(id);
        Letter letter = lookup.owned(letterId, caller);
        return pdfResponse(letter.originalName(), lookup.workflow().pdf(letterId));
    }

    private static ResponseEntity<byte[]> pdfResponse(String name, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name).replaceFirst("^attachment", "inline"))
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    @PostMapping("/{id}/signature")
    @Operation(summary = "The authorised person signs the draft",
            description = "PERSON layout of Decree 30, Appendix I, at B-T; placed where the handwritten signature "
                    + "would be unless page, x, y, width and height say otherwise. Only a DRAFT can be signed: "
                    + "signing twice gives 409. An organisation's key gives 422 WRONG_KEY_HOLDER.")
    @LetterProblems
    @SigningProblems
    @ProblemCodes({"LETTER_STATE_CONFLICT", "WRONG_KEY_HOLDER", "KEY_NOT_YOURS", "APPEARANCE_INVALID",
        "MALFORMED_DOCUMENT"})
    Letter sign(@PathVariable String id,
            @Parameter(description = "A person's key, e.g. tran-thi-bich-ngoc") @RequestParam(required = false)
            String key,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Float x,
            @RequestParam(required = false) Float y, @RequestParam(required = false) Float width,
            @RequestParam(required = false) Float height,
            @Parameter(hidden = true) Caller caller) {
        UUID letterId = LetterAccess.uuid(id);
        if (key == null || key.isBlank()) {
            throw ApiException.invalid("'key' is required: the authorised person's key");
        }
        // Parameters first: a bad one is refused before any work.
        Placement placement = Placements.fromFields(page, x, y, width, height);
        keyOwnership.check(caller, key.strip());
        lookup.owned(letterId, caller);
        return lookup.workflow().signAsPerson(letterId, key.strip(), placement, caller.actor());
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "The clerk issues the signed letter and it is archived",
            description = "Assigns number and symbol and date, signs with the organisation's key (ORGANISATION "
                    + "layout over the person's signature, B-LTA), then archives the letter with metadata built "
                    + "from it. A letter the person has not signed gives 409; a bad number or date gives 400 "
                    + "listing the fields. If the archive refuses, the letter stays ISSUED and issuing it again "
                    + "only retries the archive.")
    // Attachments are converted and signed, the letter numbered, signed with the organisation's key, archived.
    @LetterProblems
    @SigningProblems
    @ProblemCodes({"LETTER_STATE_CONFLICT", "WRONG_KEY_HOLDER", "KEY_NOT_YOURS", "APPEARANCE_INVALID",
        "MALFORMED_DOCUMENT", "UNSUPPORTED_TYPE", "DOCUMENT_TOO_LARGE", "DOCUMENT_TOO_COMPLEX", "CONVERSION_FAILED",
        "CONVERSION_TIMEOUT", "CONVERTER_UNAVAILABLE", "METADATA_INVALID",
        "DUPLICATE_RECORD", "NOT_A_SIGNED_DOCUMENT", "INGEST_PENDING", "FILE_CLOSED", "EVIDENCE_UNAVAILABLE",
        "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE", "ARCHIVE_FAILED"})
    Letter issue(@PathVariable String id,
            @Parameter(description = "The organisation's key, e.g. ubnd-binh-an") @RequestParam(required = false)
            String key,
            @Parameter(description = "Số, ký hiệu, e.g. 12/UBND-VP") @RequestParam(required = false)
            String numberSymbol,
            @Parameter(description = "YYYY-MM-DD; today (Vietnam time) when absent") @RequestParam(required = false)
            String documentDate,
            @Parameter(description = "Attachments in separate files (phụ lục): DOCX or PDF, converted to PDF/A, "
                    + "marked with the number by the ATTACHMENT layout and archived as records of their own")
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
            @Parameter(hidden = true) Caller caller) {
        UUID letterId = LetterAccess.uuid(id);
        List<LettersService.Upload> uploads = new java.util.ArrayList<>();
        long total = 0;
        for (MultipartFile a : attachments == null ? List.<MultipartFile>of() : attachments) {
            if (a.isEmpty() && (a.getOriginalFilename() == null || a.getOriginalFilename().isBlank())) {
                continue; // an empty file input of a browser form
            }
            total += a.getSize();
            if (total > maxBytes) {
                throw new MaxUploadSizeExceededException(maxBytes);
            }
            byte[] content = bytes(a);
            if (content.length == 0) {
                throw ApiException.invalid("attachment '" + a.getOriginalFilename() + "' is empty");
            }
            uploads.add(new LettersService.Upload(a.getOriginalFilename(), content));
        }
        if (uploads.size() > maxAttachments) {
            throw ApiException.invalid("at most " + maxAttachments + " attachments");
        }
        if (key != null && !key.isBlank()) {
            keyOwnership.check(caller, key.strip());
        }
        lookup.owned(letterId, caller);
        return lookup.workflow().issue(letterId, new LettersService.IssueForm(key, numberSymbol, documentDate), uploads,
                caller.actor());
    }

    @GetMapping("/{id}/attachments/{position}/pdf")
    @Operation(summary = "An issued attachment in a separate file, as signed")
    @LetterProblems
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int position,
            @Parameter(hidden = true) Caller caller) {
        UUID letterId = LetterAccess.uuid(id);
        Letter letter = lookup.owned(letterId, caller);
        Letter.Attachment a = letter.attachments().stream().filter(x -> x.position() == position).findFirst()
                .orElseThrow(() -> LettersException.notFound(id + " attachment " + position));
        return pdfResponse(a.name(), lookup.workflow().attachmentPdf(letterId, position));
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("the upload could not be read");
        }
    }
}
