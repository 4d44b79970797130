package vn.kyso.validation;

import java.time.Instant;
import java.util.List;
import vn.kyso.core.KeyFamily;

/**
 * One signature, explained.
 *
 * @param id                 DSS's identifier of the signature, stable for the same bytes
 * @param verdict            VALID, INVALID or INDETERMINATE
 * @param reason             why (for VALID: a short confirmation); translated from DSS's indication and
 *                           sub-indication
 * @param signerName         common name of the signer
 * @param organisation       organisation of the signer, if the certificate names one
 * @param family             SPECIALISED or PUBLIC by the trust store the chain ends in; null if untrusted
 * @param certificate        the signing certificate's facts
 * @param revocation         revocation status of the signing certificate and when it was checked
 * @param claimedSigningTime the signing time the signer claims
 * @param timestamps         signature, archive and document time-stamps
 * @param format             e.g. "PAdES-BASELINE-LTA"
 * @param coverage           what part of the document the signature covers
 * @param changesAfterSigning changes made to the document after this signature (PDF revisions)
 */
public record SignatureReport(
        String id,
        Verdict verdict,
        Explanation reason,
        String signerName,
        String organisation,
        KeyFamily family,
        CertificateInfo certificate,
        RevocationInfo revocation,
        Instant claimedSigningTime,
        List<TimestampInfo> timestamps,
        String format,
        Explanation coverage,
        List<Explanation> changesAfterSigning) {

    public SignatureReport {
        timestamps = List.copyOf(timestamps);
        changesAfterSigning = List.copyOf(changesAfterSigning);
    }

    /**
     * The facts Circular 15/2025/TT-BKHCN asks a verification result to state, in words (a bean getter so
     * that the JSON report carries them as {@code verificationStatement}).
     */
    public List<VerificationStatement.Line> getVerificationStatement() {
        return VerificationStatement.of(this);
    }

        /** Facts of a certificate. */
    public record CertificateInfo(String subject, String issuer, String serialNumber, Instant notBefore,
            Instant notAfter) {
    }

    /**
     * @param status    GOOD, REVOKED, UNKNOWN or NOT_CHECKED
     * @param source    OCSP or CRL, or null when not checked
     * @param checkedAt the production time of the OCSP response or the CRL's thisUpdate
     * @param revokedAt when the certificate was revoked, if it was
     */
    public record RevocationInfo(String status, String source, Instant checkedAt, Instant revokedAt) {
    }

    /**
     * @param type    SIGNATURE_TIMESTAMP, ARCHIVE_TIMESTAMP, DOCUMENT_TIMESTAMP or CONTENT_TIMESTAMP
     * @param tsaName the time-stamp unit's name
     * @param tsaCertificateExpiry when the time-stamp unit's certificate expires (the archive renews
     *                             its evidence before then), or null if unknown
     */
    public record TimestampInfo(String type, Instant time, String tsaName, boolean valid,
            Instant tsaCertificateExpiry) {
    }
}
