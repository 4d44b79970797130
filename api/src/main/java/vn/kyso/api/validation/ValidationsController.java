package vn.kyso.api.validation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.validation.Language;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.ValidationService;

@RestController
@RequestMapping("/api/v1/validations")
@Tag(name = "Validations")
class ValidationsController {

    static final String VERDICT_HEADER = "X-Validation-Verdict";

    private final ValidationService validation;
    private final SignedUploads uploads;

    ValidationsController(ValidationService validation, ApiSettings settings) {
        this.validation = validation;
        this.uploads = new SignedUploads(settings);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a signed document",
            description = "Checks every signature (ETSI EN 319 102-1) and the document as a whole, and explains the "
                    + "verdict in Vietnamese and English. Uploads are validated in memory and never stored. The "
                    + "answer is JSON unless `format` or the Accept header asks for the PDF report or the ETSI "
                    + "XML report. Rate-limited per client (kyso.api.rate-limit).")
    @ApiResponse(responseCode = "200", description = "The verdict: VALID, INVALID, INDETERMINATE or UNSIGNED",
            headers = @Header(name = VERDICT_HEADER, description = "The document's verdict, also on PDF and XML"),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = ValidationReport.class)),
                @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary",
                                description = "The human-readable report in `lang`")),
                @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
                        schema = @Schema(type = "string", description = "ETSI TS 119 102-2 validation report"))
            })
    @ValidationProblems
    ResponseEntity<?> validate(
            @Parameter(description = "The signed file: PDF, XML, JSON, a CMS signature or an ASiC container")
            @RequestParam("file") MultipartFile file,
            @Parameter(description = "The signed data of a detached signature; repeat the part for several files")
            @RequestParam(name = "original", required = false) List<MultipartFile> originals,
            @ParameterObject ReportOptionsForm options,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        // Options first: a bad one is refused before any validation work.
        ReportFormat format = ReportFormat.choose(options.format(), accept);
        Language language = options.language();
        var request = uploads.request(file, originals).withEtsiReport(format == ReportFormat.ETSI);
        ValidationResult result = validation.validate(request);
        ValidationReport report = result.report();

        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(format.mediaType())
                // A citizen's document and its verdict must not linger in shared caches.
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(VERDICT_HEADER, report.verdict().name());
        return switch (format) {
            case JSON -> response.body(report);
            case PDF -> response.header(HttpHeaders.CONTENT_DISPOSITION, attachment(language == Language.VI
                            ? "bao-cao-kiem-tra-chu-ky.pdf" : "signature-validation-report.pdf"))
                    .body(validation.pdfReport(report, language));
            case ETSI -> response.header(HttpHeaders.CONTENT_DISPOSITION, attachment("etsi-validation-report.xml"))
                    .body(result.etsiReport());
        };
    }

    @PostMapping(path = "/signed-revision", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The revision of a PDF that one signature signed",
            description = "Cuts the submitted PDF at the end of the bytes the signature (or document time-stamp) "
                    + "covers: the document as it was when signed, to compare with what was submitted when the "
                    + "report says the content changed after signing. `signature` is the signature's `id` from the "
                    + "validation report. Nothing is validated or stored. Rate-limited like validations.")
    @ApiResponse(responseCode = "200", description = "The signed revision",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ValidationProblems
    @ProblemCodes("SIGNATURE_NOT_FOUND")
    ResponseEntity<byte[]> signedRevision(
            @Parameter(description = "The signed PDF, as submitted for validation")
            @RequestParam("file") MultipartFile file,
            @Parameter(description = "The signature's id from the validation report")
            @RequestParam("signature") String signatureId) {
        var document = uploads.request(file, null).document();
        SignedFile revision = validation.signedRevision(document, signatureId.strip())
                .orElseThrow(() -> new ValidationException(ValidationError.SIGNATURE_NOT_FOUND,
                        "the PDF holds no signature with that id"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("phien-ban-da-ky.pdf"))
                .body(revision.content());
    }

    /** Fixed ASCII names: the document's own name is the client's text and need not travel back in a header. */
    private static String attachment(String name) {
        return "attachment; filename=\"" + name + "\"";
    }
}
