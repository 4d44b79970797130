package vn.kyso.api.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes a controller method can answer with beyond the web layer's own (issue #14): the module
 * errors its facade calls raise, as listed in {@link vn.kyso.api.error.ErrorCatalog}. The OpenAPI
 * description lists exactly these under {@code x-problem-codes}, with the codes every operation shares
 * (authentication or the rate limit, a malformed request, an upload over the limit, a defect); an
 * operation without this annotation keeps the whole list of the module behind its path. {@code
 * OpenApiProblemCodesTest} fails when a code named here is not in the catalogue, or when an operation declares none.
 *
 * <p>It also marks an annotation that groups the codes of one facade call several operations make (an HSM
 * signature, a letter looked up): an operation lists the union of its own and its groups' codes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface ProblemCodes {

    /** Codes from {@link vn.kyso.api.error.ErrorCatalog}, e.g. {@code RECORD_NOT_FOUND}. */
    String[] value();
}
