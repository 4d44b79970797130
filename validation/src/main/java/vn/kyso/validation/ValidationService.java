package vn.kyso.validation;

/**
 * Validates signed documents per ETSI EN 319 102-1 and explains the verdict. Thread-safe.
 */
public interface ValidationService {

    /**
     * Validates every signature of the document and the document as a whole.
     *
     * @throws ValidationException for input that cannot be validated at all (not a signed format,
     *                             too large, too complex, a detached signature without its original)
     */
    ValidationResult validate(ValidationRequest request);

    /**
     * Whether {@code document} is, or begins with, the exact file whose SHA-256 is {@code sha256Hex}: the
     * original a verification QR code names, which later signatures extended by incremental updates.
     * Hashes only; no signature is checked here.
     */
    boolean containsOriginal(SignedFile document, String sha256Hex);

    /** A human-readable PDF report of a validation, in Vietnamese or English. */
    byte[] pdfReport(ValidationReport report, Language language);
}
