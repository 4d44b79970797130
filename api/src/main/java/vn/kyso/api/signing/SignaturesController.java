package vn.kyso.api.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.access.Caller;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.security.KeyOwnership;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningService;

@RestController
@RequestMapping("/api/v1/signatures")
@Tag(name = "Signatures")
class SignaturesController {

    // springdoc lists only file parts under "required" of a multipart form, so the text says it.
    private static final String KEY_DOC = "Required. Id of the HSM key, from GET /api/v1/keys";

    private final SigningService signing;
    private final Uploads uploads;
    private final KeyOwnership keyOwnership;

    SignaturesController(SigningService signing, ApiSettings settings, KeyOwnership keyOwnership) {
        this.signing = signing;
        this.uploads = new Uploads(settings);
        this.keyOwnership = keyOwnership;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Sign one document with an HSM key",
            description = "Returns the signed document (PAdES/XAdES/JAdES enveloped or enveloping) or the detached "
                    + "signature (CAdES), as an attachment.")
    @ApiResponse(responseCode = "200", description = "The signed bytes, typed by their content",
            headers = {
                @Header(name = Downloads.FORMAT_HEADER, description = "PADES, XADES, CADES or JADES"),
                @Header(name = Downloads.LEVEL_HEADER, description = "B-B, B-T, B-LT or B-LTA"),
                @Header(name = Downloads.SIGNING_TIME_HEADER, description = "ISO 8601 instant the signature claims"),
                @Header(name = "Content-Disposition", description = "attachment; filename*=UTF-8''…")
            },
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @SigningProblems
    @DocumentToSignProblems
    @ProblemCodes("KEY_NOT_YOURS")
    ResponseEntity<byte[]> sign(
            @Parameter(description = "The document") @RequestParam("file") MultipartFile file,
            @Parameter(description = KEY_DOC) @RequestParam("key") String key,
            @ParameterObject SignOptionsForm options,
            @Parameter(hidden = true) Caller caller) {
        keyOwnership.check(caller, key);
        var request = new SignRequest(uploads.document(file), key, options.toOptions());
        return Downloads.of(signing.sign(request));
    }

    @PostMapping(path = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, BatchZip.MEDIA_TYPE})
    @Operation(summary = "Sign several documents with the same key and options",
            description = "One failure does not stop the others: each result is SIGNED with its content (base64) or "
                    + "FAILED with the problem code a single request would have had. The limit on the number of "
                    + "files is kyso.api.max-batch-files.\n\n"
                    + "With `Accept: application/zip` the answer is a ZIP streamed to the client instead: one entry per "
                    + "signed file under its name made safe (no folders, no characters unzip tools refuse; a "
                    + "repeated name gets \" (2)\"), and `manifest.json` listing every input in upload order with "
                    + "its entry, SHA-256, format, level and signing time, or its problem code and detail.")
    @ApiResponse(responseCode = "200", description = "One result per file, in upload order (JSON), or the signed "
            + "files and manifest.json (ZIP)",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = BatchResponse.class)),
                @Content(mediaType = BatchZip.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))
            })
    @SigningProblems
    @ProblemCodes({"KEY_NOT_YOURS", "NOT_ACCEPTABLE"})
    ResponseEntity<?> batch(
            @Parameter(description = "The documents, 1 to kyso.api.max-batch-files") @RequestParam("files")
            List<MultipartFile> files,
            @Parameter(description = KEY_DOC) @RequestParam("key") String key,
            @ParameterObject SignOptionsForm options,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        keyOwnership.check(caller, key);
        SignOptions signOptions = options.toOptions();
        var requests = uploads.documents(files).stream()
                .map(document -> new SignRequest(document, key, signOptions))
                .toList();
        var results = signing.signBatch(requests);
        if (!BatchZip.asked(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(BatchResponse.of(results));
        }
        // Written straight to the response, entry by entry; null tells Spring MVC the answer is written.
        response.setContentType(BatchZip.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("signed.zip"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        BatchZip.write(results, response.getOutputStream());
        response.flushBuffer();
        return null;
    }

    @PostMapping(path = "/containers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Sign several files into one ASiC-E container",
            description = "File names must be unique; they become the entries of the container.")
    @ApiResponse(responseCode = "200", description = "The ASiC-E container",
            headers = {
                @Header(name = Downloads.FORMAT_HEADER, description = "XADES or CADES"),
                @Header(name = Downloads.LEVEL_HEADER, description = "B-B, B-T, B-LT or B-LTA"),
                @Header(name = Downloads.SIGNING_TIME_HEADER, description = "ISO 8601 instant the signature claims")
            },
            content = @Content(mediaType = "application/vnd.etsi.asic-e+zip",
                    schema = @Schema(type = "string", format = "binary")))
    @SigningProblems
    @ProblemCodes({"KEY_NOT_YOURS", "UNSUPPORTED_DOCUMENT"})
    ResponseEntity<byte[]> container(
            @Parameter(description = "The files to put in the container") @RequestParam("files")
            List<MultipartFile> files,
            @Parameter(description = KEY_DOC) @RequestParam("key") String key,
            @Parameter(description = "Baseline level", schema = @Schema(allowableValues = {"B-B", "B-T", "B-LT",
                "B-LTA"}, defaultValue = "B-B")) @RequestParam(name = "level", required = false) String level,
            @Parameter(description = "Signature inside the container", schema = @Schema(allowableValues = {"XADES",
                "CADES"}, defaultValue = "XADES")) @RequestParam(name = "format", required = false) String format,
            @Parameter(description = "Digest algorithm", schema = @Schema(allowableValues = {"SHA256", "SHA384",
                "SHA512"}, defaultValue = "SHA256")) @RequestParam(name = "digest", required = false) String digest,
            @Parameter(hidden = true) Caller caller) {
        keyOwnership.check(caller, key);
        var request = new ContainerRequest(uploads.documents(files), key,
                Params.parse("format", format, SignatureFormat.class, SignatureFormat.XADES),
                Params.parse("level", level, SignatureLevel.class, SignatureLevel.B_B),
                Params.parse("digest", digest, DigestAlgorithm.class, DigestAlgorithm.SHA256));
        return Downloads.of(signing.signContainer(request));
    }
}
