package vn.kyso.api.letters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.api.error.ApiException;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.signing.CertificateChain;
import vn.kyso.api.signing.Placements;
import vn.kyso.api.signing.RemoteSigningProblems;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LettersService;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;

/**
 * The authorised person signs a letter from their own USB token or phone (issue #14): the two steps of
 * remote signing over the letter's draft, with the person's own signature image in the Decree 30 PERSON
 * layout. Who may: a SIGNER of the letter's organisation ({@code AccessRules}, then the letter's owner).
 */
@RestController
@RequestMapping("/api/v1/letters/{id}/signature")
@Tag(name = "Letters")
class RemoteLetterSignatureController {

    private final LetterAccess lookup;

    RemoteLetterSignatureController(ObjectProvider<LettersService> letters, AccessControl access) {
        this.lookup = new LetterAccess(letters, access);
    }

    @PostMapping(path = "/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "prepareLetterSignature",
            summary = "Step 1 of the authorised person's signature from their own token or phone",
            description = "PERSON layout of Decree 30 with `signatureImage` (PNG, transparent background, blue ink, "
                    + "at most 512 KiB) between the position title and the name, at B-T, over the DRAFT as it is "
                    + "now. `certificate` parts: the signer's certificate then its issuers (PEM or base64 DER). "
                    + "Sign `dataToSign` with `signatureAlgorithm` on the device, then complete with the `id`.")
    @LetterProblems
    @RemoteSigningProblems.Prepare
    @ProblemCodes({"LETTER_STATE_CONFLICT", "MALFORMED_DOCUMENT"})
    PreparedSignature prepare(@PathVariable String id,
            @Parameter(description = "Signer first, then issuers; PEM or base64 DER")
            @RequestParam("certificate") List<String> certificates,
            @Parameter(description = "The person's own signature (PNG)")
            @RequestParam("signatureImage") MultipartFile signatureImage,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Float x,
            @RequestParam(required = false) Float y, @RequestParam(required = false) Float width,
            @RequestParam(required = false) Float height,
            @Parameter(hidden = true) Caller caller) {
        UUID letterId = LetterAccess.uuid(id);
        var placement = Placements.fromFields(page, x, y, width, height);
        if (signatureImage.getSize() > PrepareRequest.MAX_SIGNATURE_IMAGE_BYTES) {
            throw ApiException.invalid("signatureImage is larger than "
                    + PrepareRequest.MAX_SIGNATURE_IMAGE_BYTES / 1024 + " KiB");
        }
        List<byte[]> chain = CertificateChain.decode(certificates.stream()
                .map(c -> c.getBytes(StandardCharsets.US_ASCII)).toList());
        lookup.owned(letterId, caller);
        try {
            return lookup.workflow().prepareRemoteSignature(letterId, chain, signatureImage.getBytes(), placement,
                    caller.actor());
        } catch (IOException e) {
            throw ApiException.invalid("the signature image could not be read");
        }
    }

    /** The device's signature value over {@code dataToSign}, base64. */
    record CompleteBody(String signatureValue) {
    }

    @PostMapping(path = "/{preparedId}/complete", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "completeLetterSignature",
            summary = "Step 2: the device's signature value; the letter becomes SIGNED_BY_PERSON",
            description = "Only the caller who prepared it may complete it (another gets 404). A value that does "
                    + "not verify with the certificate is 422 SIGNATURE_VALUE_INVALID and may be sent again.")
    @LetterProblems
    @RemoteSigningProblems.Complete
    @ProblemCodes({"LETTER_STATE_CONFLICT", "UNSUPPORTED_MEDIA_TYPE"})
    Letter complete(@PathVariable String id, @PathVariable String preparedId, @RequestBody CompleteBody body,
            @Parameter(hidden = true) Caller caller) {
        UUID letterId = LetterAccess.uuid(id);
        if (body == null || body.signatureValue() == null || body.signatureValue().isBlank()) {
            throw ApiException.invalid("signatureValue is required");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(body.signatureValue().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("signatureValue is not base64");
        }
        lookup.owned(letterId, caller);
        return lookup.workflow().completeRemoteSignature(letterId, preparedId, value, caller.actor());
    }
}
