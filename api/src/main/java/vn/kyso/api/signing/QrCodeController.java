package vn.kyso.api.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.PublicAddress;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.verify.IssuedLinks;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SigningService;

/**
 * Stamps the verification QR code on a result document before it is signed (Circular 01/2023: results
 * of administrative procedures carry a QR code that lets anyone check them).
 */
@RestController
@Tag(name = "Signatures")
class QrCodeController {

    static final String ID_HEADER = "X-Document-Id";
    static final String HASH_HEADER = "X-Document-Sha256";
    static final String LINK_HEADER = "X-Verify-Link";

    private final SigningService signing;
    private final Uploads uploads;
    private final PublicAddress publicAddress;
    private final ObjectProvider<IssuedLinks> links;

    /**
     * @param publicAddress the service's public address as citizens reach it (kyso.api.public-url)
     * @param links         the tokens of links to issuer-chosen identifiers (absent in web-layer test slices)
     */
    QrCodeController(SigningService signing, ApiSettings settings, PublicAddress publicAddress,
            ObjectProvider<IssuedLinks> links) {
        this.signing = signing;
        this.uploads = new Uploads(settings);
        this.publicAddress = publicAddress;
        this.links = links;
    }

    @PostMapping(path = "/api/v1/signatures/qr-codes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Stamp a verification QR code on an unsigned PDF",
            description = "The code links to /verify?id=…&h=… where h is the SHA-256 of the PDF as uploaded; a link "
                    + "to an identifier the caller chose also carries t, the token that lets the page look the "
                    + "archived document up by its identifier alone. The "
                    + "code is added as an incremental update, so the uploaded bytes stay a prefix of the stamped "
                    + "and of every signed version. Sign the returned PDF afterwards.")
    @ApiResponse(responseCode = "200", description = "The stamped PDF; id, hash and link in headers",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ProblemCodes({"NOT_A_PDF", "MALFORMED_DOCUMENT", "APPEARANCE_INVALID", "SIGNING_FAILED"})
    ResponseEntity<byte[]> stamp(
            @Parameter(description = "The unsigned PDF") @RequestParam("file") MultipartFile file,
            @Parameter(description = "Identifier in the issuer's data store; generated when absent")
            @RequestParam(name = "documentId", required = false) String documentId) {
        String id = documentId == null || documentId.isBlank() ? null : documentId.strip();
        IssuedLinks tokens = links.getIfAvailable();
        // A generated identifier is unguessable by itself; one the caller chose needs the token to be looked up.
        String token = id == null || tokens == null || IssuedLinks.unguessable(id) ? null : tokens.token(id);
        QrStamped stamped = signing.stampQrCode(new QrStampRequest(uploads.document(file), publicAddress.verifyUrl(),
                id, null, token));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(stamped.document().name()))
                .header(ID_HEADER, stamped.documentId())
                .header(HASH_HEADER, stamped.originalSha256())
                .header(LINK_HEADER, stamped.link())
                .body(stamped.document().content());
    }
}
