package vn.kyso.api.signing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.openapi.ProblemCodes;

/**
 * The problem codes of a signature made with an HSM key, whatever the document: the key is looked up, its
 * certificate checked, the token logged in, the time-stamp and revocation data fetched. Documented once for
 * every operation that signs with a key (the signing endpoints, a letter's signature and issue, edXML).
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ProblemCodes({"KEY_NOT_FOUND", "KEY_FAMILY_MISMATCH", "CERTIFICATE_EXPIRED", "CERTIFICATE_NOT_YET_VALID",
    "CERTIFICATE_UNTRUSTED", "CERTIFICATE_REVOKED", "HSM_UNAVAILABLE", "HSM_LOGIN_FAILED", "TSA_UNAVAILABLE",
    "REVOCATION_UNAVAILABLE", "REVOCATION_NOT_FRESH", "SIGNING_FAILED"})
public @interface SigningProblems {
}
