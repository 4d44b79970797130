package vn.kyso.signing.internal;

import eu.europa.esig.dss.alert.exception.AlertException;
import java.util.Locale;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/** Translates what DSS and PDFBox throw into our stable error codes, once, in one place. */
final class DssErrors {

    private DssErrors() {
    }

    static SigningException translate(RuntimeException e, String formatName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SigningException s) {
                return s;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AlertException) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (m.contains("revoked")) {
                    return new SigningException(SigningError.CERTIFICATE_REVOKED,
                            "the signing certificate or one of its issuers is revoked", e);
                }
                if (m.contains("fresh revocation") || m.contains("after the best signature time")
                        || m.contains("one or more poe")) {
                    return new SigningException(SigningError.REVOCATION_NOT_FRESH,
                            "no OCSP/CRL answer issued after the signature's time-stamp could be obtained; "
                                    + "try again later, or sign at B-T and augment once the responder has news",
                            e);
                }
                if (m.contains("revocation")) {
                    return new SigningException(SigningError.REVOCATION_UNAVAILABLE,
                            "revocation data (OCSP/CRL) could not be obtained for the long-term level; try again later",
                            e);
                }
                if (m.contains("timestamp")) {
                    return new SigningException(SigningError.TSA_UNAVAILABLE,
                            "the time-stamp authority returned an unusable time-stamp", e);
                }
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("encrypt") || message.contains("password")) {
            return new SigningException(SigningError.ENCRYPTED_PDF, "encrypted documents cannot be signed", e);
        }
        if (message.contains("parse") || message.contains("xml") || message.contains("json")
                || message.contains("unable to read") || message.contains("not a valid")) {
            return new SigningException(SigningError.MALFORMED_DOCUMENT,
                    "the document could not be read as " + formatName, e);
        }
        return new SigningException(SigningError.SIGNING_FAILED, "the document could not be signed as " + formatName, e);
    }
}
