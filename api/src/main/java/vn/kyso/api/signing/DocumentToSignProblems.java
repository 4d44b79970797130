package vn.kyso.api.signing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.openapi.ProblemCodes;

/**
 * The problem codes of the document and options a signature is made over: a document the format cannot
 * take, a damaged one, a bad appearance or copy layout, a level the serialization cannot carry.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ProblemCodes({"NOT_A_PDF", "UNSUPPORTED_DOCUMENT", "MALFORMED_DOCUMENT", "APPEARANCE_INVALID",
    "COMPACT_SERIALIZATION_LEVEL", "XML_SIGNATURE_WOULD_BREAK", "COPY_FORM_INVALID", "COPY_SOURCE_MISSING",
    "COPY_FORM_NOT_FOR_ELECTRONIC_SOURCE", "COPY_SOURCE_SCAN_INVALID"})
public @interface DocumentToSignProblems {
}
