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
     * The revision of a PDF that the signature or document time-stamp {@code signatureId} (as in
     * {@link SignatureReport#id()}) signed: the file as it was when signed, so a person can see what was
     * signed beside what was submitted. Only bytes are cut; nothing is validated here.
     *
     * @return empty if the document is not a PDF or holds no such signature
     * @throws ValidationException for input that cannot be read at all, as {@link #validate} would
     */
    java.util.Optional<SignedFile> signedRevision(SignedFile document, String signatureId);

    /** A human-readable PDF report of a validation, in Vietnamese or English. */
    byte[] pdfReport(ValidationReport report, Language language);
}
