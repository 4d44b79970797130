package vn.kyso.signing;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** The stable error codes of the signing module. */
public enum SigningError implements ErrorCode {
    INVALID_REQUEST(ErrorKind.BAD_REQUEST, "Invalid signing request"),
    KEY_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown signing key"),
    KEY_FAMILY_MISMATCH(ErrorKind.UNPROCESSABLE, "Key of the wrong family for this profile"),
    CERTIFICATE_EXPIRED(ErrorKind.UNPROCESSABLE, "Signing certificate expired"),
    CERTIFICATE_NOT_YET_VALID(ErrorKind.UNPROCESSABLE, "Signing certificate not yet valid"),
    CERTIFICATE_INVALID(ErrorKind.BAD_REQUEST, "Unreadable or unusable certificate"),
    CERTIFICATE_REVOKED(ErrorKind.UNPROCESSABLE, "Signing certificate revoked"),
    CERTIFICATE_UNTRUSTED(ErrorKind.UNPROCESSABLE, "Signing certificate not under a configured trust anchor"),
    NOT_A_PDF(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "The document is not a PDF"),
    UNSUPPORTED_DOCUMENT(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Document type not supported by this format"),
    ENCRYPTED_PDF(ErrorKind.UNPROCESSABLE, "Encrypted PDF"),
    MALFORMED_DOCUMENT(ErrorKind.UNPROCESSABLE, "Malformed document"),
    APPEARANCE_INVALID(ErrorKind.UNPROCESSABLE, "Visible signature cannot be placed"),
    DOCUMENT_TOO_LARGE(ErrorKind.TOO_LARGE, "Document too large"),
    TOO_MANY_PENDING(ErrorKind.UNAVAILABLE, "Too many prepared signatures pending"),
    PREPARED_SIGNATURE_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown or expired prepared signature"),
    SIGNATURE_VALUE_INVALID(ErrorKind.UNPROCESSABLE, "Signature value does not match"),
    HSM_UNAVAILABLE(ErrorKind.UNAVAILABLE, "HSM unavailable"),
    HSM_LOGIN_FAILED(ErrorKind.UNAVAILABLE, "HSM login failed"),
    TSA_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Time-stamp authority unavailable"),
    REVOCATION_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Revocation data unavailable"),
    NOTHING_TO_AUGMENT(ErrorKind.UNPROCESSABLE, "No signature to augment"),
    SIGNING_FAILED(ErrorKind.INTERNAL, "Signing failed"),
    /** The OCSP/CRL answers obtainable were all issued before the signature's time-stamp (issue #10). */
    REVOCATION_NOT_FRESH(ErrorKind.UNAVAILABLE, "No revocation data issued after the signature time-stamp"),
    COMPACT_SERIALIZATION_LEVEL(ErrorKind.BAD_REQUEST, "The JWS compact serialisation allows level B-B only"),
    XML_SIGNATURE_WOULD_BREAK(ErrorKind.UNPROCESSABLE, "Another enveloped signature would break the existing one"),
    /** Decree 30 knows three forms of copy: SAO Y, SAO LỤC, TRÍCH SAO (issue #12). */
    COPY_FORM_INVALID(ErrorKind.BAD_REQUEST, "Form of copy must be SAO Y, SAO LỤC or TRÍCH SAO"),
    /** An electronic copy must say whether it is made from paper or from an electronic document. */
    COPY_SOURCE_MISSING(ErrorKind.BAD_REQUEST, "The source of the copy is not given"),
    /** An electronic-to-electronic copy can only be an extract (issue #12). */
    COPY_FORM_NOT_FOR_ELECTRONIC_SOURCE(ErrorKind.BAD_REQUEST,
            "An electronic document can only be copied as TRÍCH SAO"),
    /** A copy from paper needs a colour scan of at least 200 dpi in a PDF 1.4 or later (issue #12). */
    COPY_SOURCE_SCAN_INVALID(ErrorKind.BAD_REQUEST, "The digitised paper original does not meet Decree 30"),
    /** The database holding prepared remote signatures cannot be reached (issue #13). */
    PENDING_STORE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Prepared signatures cannot be reached");

    private final ErrorKind kind;
    private final String title;

    SigningError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
