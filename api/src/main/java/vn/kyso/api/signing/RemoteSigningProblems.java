package vn.kyso.api.signing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.openapi.ProblemCodes;

/** The problem codes of remote signing's two steps, for a document or a letter. */
public final class RemoteSigningProblems {

    private RemoteSigningProblems() {
    }

    /** Step 1: the signer's certificate chain is read and checked, and the prepared signature held. */
    @Documented
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ProblemCodes({"CERTIFICATE_INVALID", "CERTIFICATE_EXPIRED", "CERTIFICATE_NOT_YET_VALID", "CERTIFICATE_UNTRUSTED",
        "APPEARANCE_INVALID", "TOO_MANY_PENDING", "PENDING_STORE_UNAVAILABLE", "SIGNING_FAILED"})
    public @interface Prepare {
    }

    /** Step 2: the held signature is found, the device's value checked and embedded, time-stamped. */
    @Documented
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ProblemCodes({"PREPARED_SIGNATURE_NOT_FOUND", "SIGNATURE_VALUE_INVALID", "PENDING_STORE_UNAVAILABLE",
        "TSA_UNAVAILABLE", "REVOCATION_UNAVAILABLE", "REVOCATION_NOT_FRESH", "CERTIFICATE_REVOKED",
        "SIGNING_FAILED"})
    public @interface Complete {
    }
}
