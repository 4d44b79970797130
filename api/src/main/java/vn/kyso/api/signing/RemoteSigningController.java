package vn.kyso.api.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SigningService;

/** Two-step signing with a key the caller holds (USB token, mobile signing): prepare, then complete. */
@RestController
@RequestMapping("/api/v1/signatures")
@Tag(name = "Signatures")
class RemoteSigningController {

    private final SigningService signing;
    private final Uploads uploads;

    RemoteSigningController(SigningService signing, ApiSettings settings) {
        this.signing = signing;
        this.uploads = new Uploads(settings);
    }

    @PostMapping(path = "/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Step 1 of remote signing: get the data the caller's device must sign",
            description = "Fixes the signing time and holds the document until `expiresAt`. Sign `dataToSign` "
                    + "(not a digest) with `signatureAlgorithm`, then call complete with the same `id`. With "
                    + "`appearance=PERSON`, `signatureImage` is the signer's own signature (PNG, transparent "
                    + "background, blue ink, at most 512 KiB), placed as the Decree 30 layout places an HSM key's "
                    + "image: between the position title and the name.")
    @ApiResponse(responseCode = "200", description = "What to sign",
            content = @Content(schema = @Schema(implementation = PreparedSignature.class)))
    @RemoteSigningProblems.Prepare
    @DocumentToSignProblems
    PreparedSignature prepare(
            @Parameter(description = "The document") @RequestParam("file") MultipartFile file,
            @Parameter(description = "The signer's certificate, then its issuers, in order: PEM (several blocks "
                    + "allowed), base64 DER or DER. Send them as file parts or as text parts, not both.")
            @RequestParam(name = "certificate", required = false) List<MultipartFile> certificateFiles,
            @Parameter(description = "The signer's own signature image for appearance=PERSON (PNG)")
            @RequestParam(name = "signatureImage", required = false) MultipartFile signatureImage,
            @Parameter(hidden = true) HttpServletRequest servletRequest,
            @ParameterObject SignOptionsForm options, @Parameter(hidden = true) Principal caller) {
        var chain = certificateParts(servletRequest.getParameterValues("certificate"), certificateFiles);
        return signing.prepare(new PrepareRequest(uploads.document(file), chain, options.toOptions(),
                nameOf(caller), bytesOf(signatureImage)));
    }

    private static byte[] bytesOf(MultipartFile part) {
        if (part == null || part.isEmpty()) {
            return null;
        }
        if (part.getSize() > PrepareRequest.MAX_SIGNATURE_IMAGE_BYTES) {
            throw ApiException.invalid("signatureImage is larger than "
                    + PrepareRequest.MAX_SIGNATURE_IMAGE_BYTES / 1024 + " KiB");
        }
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Step 2 of remote signing: embed the device's signature value",
            description = "Returns the signed document as the single-document endpoint does.")
    @ApiResponse(responseCode = "200", description = "The signed bytes, typed by their content",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @RemoteSigningProblems.Complete
    @ProblemCodes("MALFORMED_DOCUMENT")
    ResponseEntity<byte[]> complete(
            @Parameter(description = "The id returned by prepare") @PathVariable("id") String id,
            @RequestBody CompleteBody body, @Parameter(hidden = true) Principal caller) {
        // Another caller's complete is answered as an unknown id (404), so ids of others reveal nothing.
        return Downloads.of(signing.complete(new CompleteRequest(id, body.decodedSignatureValue(),
                nameOf(caller))));
    }

    private static String nameOf(Principal caller) {
        return caller == null ? null : caller.getName();
    }

    /**
     * Text parts arrive as request parameters and file parts as files, in two separate lists; either
     * style works, but mixing them would lose the signer-first order, so it is refused. (Spring binds a
     * name to files first, which is why the text parts are read from the request, not a parameter.)
     */
    private static List<byte[]> certificateParts(String[] text, List<MultipartFile> files) {
        boolean hasText = text != null && text.length > 0;
        boolean hasFiles = files != null && !files.isEmpty();
        if (hasText && hasFiles) {
            throw ApiException.invalid("send the certificates either all as text parts or all as file parts");
        }
        List<byte[]> parts = new ArrayList<>();
        if (hasText) {
            for (String t : text) {
                parts.add(t.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (hasFiles) {
            for (MultipartFile f : files) {
                try {
                    parts.add(f.getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return CertificateChain.decode(parts);
    }

    /** The body of a complete request. */
    record CompleteBody(
            @Schema(description = "The raw signature over dataToSign, base64: PKCS#1 v1.5 for RSA, DER or r||s for "
                    + "ECDSA", format = "byte", requiredMode = Schema.RequiredMode.REQUIRED)
            String signatureValue) {

        byte[] decodedSignatureValue() {
            if (signatureValue == null || signatureValue.isBlank()) {
                throw ApiException.invalid("signatureValue is required");
            }
            String compact = signatureValue.replaceAll("\\s", "");
            try {
                return Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException notStandard) {
                try {
                    return Base64.getUrlDecoder().decode(compact);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("signatureValue is not base64");
                }
            }
        }
    }
}
