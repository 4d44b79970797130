package vn.kyso.api.signing;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.error.Problem;

/**
 * The problem responses every signing endpoint may give, documented once. The descriptions list the
 * stable codes, which are what clients should switch on.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "INVALID_REQUEST (missing or unknown parameter, bad placement), "
        + "CERTIFICATE_INVALID, COMPACT_SERIALIZATION_LEVEL (JWS compact above B-B; detailVi has the Vietnamese text)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "KEY_NOT_FOUND, PREPARED_SIGNATURE_NOT_FOUND",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "UPLOAD_TOO_LARGE (over kyso.api.max-upload-size), "
        + "DOCUMENT_TOO_LARGE",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "NOT_A_PDF, UNSUPPORTED_DOCUMENT, UNSUPPORTED_MEDIA_TYPE",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "422", description = "KEY_FAMILY_MISMATCH, CERTIFICATE_EXPIRED, "
        + "CERTIFICATE_NOT_YET_VALID, ENCRYPTED_PDF, MALFORMED_DOCUMENT, APPEARANCE_INVALID, "
        + "SIGNATURE_VALUE_INVALID",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "500", description = "SIGNING_FAILED, INTERNAL_ERROR; quote the errorId",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "HSM_UNAVAILABLE, HSM_LOGIN_FAILED, TSA_UNAVAILABLE, "
        + "REVOCATION_UNAVAILABLE, REVOCATION_NOT_FRESH (no OCSP/CRL answer issued after the signature "
        + "time-stamp); retry after the Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@interface SigningProblems {
}
