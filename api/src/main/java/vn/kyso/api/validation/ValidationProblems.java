package vn.kyso.api.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.openapi.ProblemCodes;

/**
 * The problem codes of reading a signed document for validation: a format that holds no signature, a damaged
 * or too complex one, a detached signature without its data, a validation that ran out of time or failed;
 * and an Accept header that allows none of the answer's media types.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemCodes({"UNSUPPORTED_DOCUMENT", "MALFORMED_DOCUMENT", "DOCUMENT_TOO_LARGE", "DOCUMENT_TOO_COMPLEX",
    "ORIGINAL_REQUIRED", "VALIDATION_TIMEOUT", "VALIDATION_FAILED", "NOT_ACCEPTABLE"})
@interface ValidationProblems {
}
