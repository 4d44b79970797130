package vn.kyso.api.validation;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.error.Problem;

/**
 * The problem responses of the validation endpoint, documented once. A document that validates as
 * INVALID is not a problem: it is a 200 with that verdict.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "INVALID_REQUEST (missing file, unknown lang or format), "
        + "EMPTY_DOCUMENT",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "406", description = "NOT_ACCEPTABLE: Accept allows none of JSON, PDF, XML",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "UPLOAD_TOO_LARGE (over kyso.api.max-upload-size), "
        + "DOCUMENT_TOO_LARGE",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "UNSUPPORTED_DOCUMENT: not a signed document format",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "422", description = "MALFORMED_DOCUMENT, DOCUMENT_TOO_COMPLEX, ORIGINAL_REQUIRED "
        + "(a detached signature: send the signed data as original), VALIDATION_TIMEOUT",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "429", description = "RATE_LIMITED: over kyso.api.rate-limit for this client; retry "
        + "after the Retry-After seconds",
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "500", description = "VALIDATION_FAILED, INTERNAL_ERROR; quote the errorId",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@interface ValidationProblems {
}
