package vn.kyso.api.error;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;

/**
 * The shape of every error response, for the OpenAPI document only: at run time the body is a
 * {@link org.springframework.http.ProblemDetail} whose extra properties are written inline.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json)")
public record Problem(
        @Schema(description = "urn:kyso:problem:<code in kebab case>", example = "urn:kyso:problem:key-not-found")
        URI type,
        @Schema(description = "Short summary, the same for every occurrence of the code",
                example = "Unknown signing key")
        String title,
        @Schema(example = "404") int status,
        @Schema(description = "What went wrong this time", example = "No key 'so-tttt-01'")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/signatures") URI instance,
        @Schema(description = "Stable machine-readable code; clients switch on this", example = "KEY_NOT_FOUND")
        String code,
        @Schema(description = "Only for 5xx: quote it to support; the server log has the details",
                example = "3f1c2a9e-5b7d-4f0e-9a51-0c2f5d8e7b64")
        String errorId,
        @Schema(description = "The request's id: the caller's X-Request-Id or one the service made; "
                + "also in the response header and in every log line of the request",
                example = "5b0e8e52-8a0f-4d8a-b3a5-6f1d2b7c9e10")
        String requestId) {

    /** The media type of every problem response. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
