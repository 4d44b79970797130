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

    /** A human-readable PDF report of a validation, in Vietnamese or English. */
    byte[] pdfReport(ValidationReport report, Language language);
}
