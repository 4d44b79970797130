package vn.kyso.api.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.error.ApiException;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.PdfAProfile;

@RestController
@RequestMapping("/api/v1/conversions")
@Tag(name = "Conversions", description = "Office documents, images and PDFs to PDF/A, checked by veraPDF")
class ConversionsController {

    static final String PROFILE_HEADER = "X-PdfA-Profile";
    static final String COMPLIANT_HEADER = "X-PdfA-Compliant";
    static final String SOURCE_TYPE_HEADER = "X-Source-Media-Type";

    /**
     * Resolved per request: the controller slices of the other endpoints (@WebMvcTest) load every controller
     * but provide no ConversionService, and must still start.
     */
    private final ObjectProvider<ConversionService> conversion;

    ConversionsController(ObjectProvider<ConversionService> conversion) {
        this.conversion = conversion;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Convert a document to PDF/A",
            description = "Detects the type from the content (never the file name) and converts DOCX, DOC, ODT, "
                    + "RTF, HTML, XLSX, XLS, ODS, PNG, JPEG, TIFF and PDF to PDF/A-2B, or PDF/A-3B with the source "
                    + "embedded. Images get an invisible OCR text layer (Vietnamese and English). A PDF that is "
                    + "already PDF/A comes back unchanged. The answer is the PDF unless `format=json` or the Accept "
                    + "header asks for JSON; veraPDF's verdict is in the headers either way.")
    @ApiResponse(responseCode = "200", description = "The PDF/A, or the report",
            headers = {
                @Header(name = PROFILE_HEADER, description = "The PDF/A profile checked, e.g. PDF/A-2B"),
                @Header(name = COMPLIANT_HEADER, description = "true when veraPDF finds no failed rule"),
                @Header(name = SOURCE_TYPE_HEADER, description = "The media type detected from the upload")
            },
            content = {
                @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = ConversionReport.class))
            })
    @ProblemCodes({"UNSUPPORTED_TYPE", "DOCUMENT_TOO_LARGE", "DOCUMENT_TOO_COMPLEX", "CONVERSION_FAILED",
        "CONVERSION_TIMEOUT", "CONVERTER_UNAVAILABLE"})
    ResponseEntity<?> convert(
            @Parameter(description = "The document") @RequestParam("file") MultipartFile file,
            @Parameter(description = "PDF/A-2B (default) or PDF/A-3B; also written 2b, 3b")
            @RequestParam(name = "profile", required = false) String profile,
            @Parameter(description = "pdf (default) or json")
            @RequestParam(name = "format", required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        // Parameters first: a bad one is refused before any conversion work.
        boolean json = wantsJson(format, accept);
        PdfAProfile pdfA = profile(profile);
        ConversionService service = conversion.getIfAvailable();
        if (service == null) {
            throw new ConversionException(ConversionError.CONVERTER_UNAVAILABLE, "Conversion is not configured");
        }
        ConversionResult result = service.toPdfA(new ConversionRequest(bytes(file), file.getOriginalFilename(), pdfA));

        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                // A citizen's document must not linger in shared caches.
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(PROFILE_HEADER, result.conformance().profile().label())
                .header(COMPLIANT_HEADER, Boolean.toString(result.conformance().compliant()))
                .header(SOURCE_TYPE_HEADER, result.source().mediaType());
        if (json) {
            return response.contentType(MediaType.APPLICATION_JSON)
                    .body(ConversionReport.of(result, service.extract(result.pdf())));
        }
        return response.contentType(MediaType.APPLICATION_PDF)
                // A fixed ASCII name: the client's own name need not travel back in a header.
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pdfa.pdf\"")
                .body(result.pdf());
    }

    static boolean wantsJson(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> true;
                case "pdf" -> false;
                default -> throw ApiException.invalid("'format' must be pdf or json");
            };
        }
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains(MediaType.APPLICATION_JSON_VALUE) && !a.contains(MediaType.APPLICATION_PDF_VALUE);
    }

    static PdfAProfile profile(String value) {
        if (value == null || value.isBlank()) {
            return PdfAProfile.PDF_A_2B;
        }
        String compact = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replaceFirst("^pdfa", "");
        return switch (compact) {
            case "2b" -> PdfAProfile.PDF_A_2B;
            case "3b" -> PdfAProfile.PDF_A_3B;
            default -> throw ApiException.invalid("'profile' must be PDF/A-2B or PDF/A-3B");
        };
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("The upload could not be read");
        }
    }
}
