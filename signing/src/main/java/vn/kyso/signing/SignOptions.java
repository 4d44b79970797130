package vn.kyso.signing;

import java.util.Objects;
import vn.kyso.core.KeyFamily;

/**
 * How to sign.
 *
 * @param format         the AdES format, or null to choose from the content (PDF → PAdES, XML → XAdES,
 *                       JSON → JAdES, anything else → CAdES detached)
 * @param level          the baseline level
 * @param packaging      null for the format's default (PDF enveloped, XML enveloped, JSON enveloping,
 *                       CMS detached)
 * @param appearance     the visible layout; anything but NONE needs a PDF
 * @param placement      where the visible signature goes, or null for the layout's default place
 * @param numberSymbol number and symbol of the document (số, ký hiệu), shown by the attachment layout
 * @param copyForm       form of copy for the copy layout: SAO Y, SAO LỤC or TRÍCH SAO (checked when signing)
 * @param digest         the digest algorithm
 * @param requiredFamily the key family the caller's profile demands, or null for either
 * @param jwsSerialization how a JAdES signature is written, or null for the flattened JSON form; COMPACT
 *                       only at B-B (the other levels need the JSON forms' unsigned header)
 */
public record SignOptions(
        SignatureFormat format,
        SignatureLevel level,
        Packaging packaging,
        Appearance appearance,
        Placement placement,
        String numberSymbol,
        String copyForm,
        DigestAlgorithm digest,
        KeyFamily requiredFamily,
        JwsSerialization jwsSerialization,
        CopySource copySource) {

    public SignOptions {
        level = Objects.requireNonNullElse(level, SignatureLevel.B_B);
        appearance = Objects.requireNonNullElse(appearance, Appearance.NONE);
        digest = Objects.requireNonNullElse(digest, DigestAlgorithm.SHA256);
        numberSymbol = blankToNull(numberSymbol);
        copyForm = blankToNull(copyForm);
        if (numberSymbol != null && numberSymbol.length() > 100) {
            throw new IllegalArgumentException("numberSymbol must be at most 100 characters");
        }
        if (copyForm != null && copyForm.length() > 100) {
            throw new IllegalArgumentException("copyForm must be at most 100 characters");
        }
        if (jwsSerialization != null && format != null && format != SignatureFormat.JADES) {
            throw new IllegalArgumentException("jwsSerialization applies to the JAdES format only");
        }
        if (appearance != Appearance.NONE && format != null && format != SignatureFormat.PADES) {
            throw new IllegalArgumentException("a visible appearance needs the PAdES format");
        }
    }

    /** Options that are not for a copy. */
    public SignOptions(SignatureFormat format, SignatureLevel level, Packaging packaging, Appearance appearance,
            Placement placement, String numberSymbol, String copyForm, DigestAlgorithm digest,
            KeyFamily requiredFamily, JwsSerialization jwsSerialization) {
        this(format, level, packaging, appearance, placement, numberSymbol, copyForm, digest, requiredFamily,
                jwsSerialization, null);
    }

    /** Options without a JWS serialisation choice (the JSON flattened default). */
    public SignOptions(SignatureFormat format, SignatureLevel level, Packaging packaging, Appearance appearance,
            Placement placement, String numberSymbol, String copyForm, DigestAlgorithm digest,
            KeyFamily requiredFamily) {
        this(format, level, packaging, appearance, placement, numberSymbol, copyForm, digest, requiredFamily, null,
                null);
    }

    /** Defaults: format from content, B-B, invisible, SHA-256. */
    public static SignOptions defaults(SignatureLevel level) {
        return new SignOptions(null, level, null, Appearance.NONE, null, null, null, null, null);
    }

    public SignOptions withAppearance(Appearance newAppearance, Placement newPlacement) {
        return new SignOptions(format, level, packaging, newAppearance, newPlacement, numberSymbol, copyForm,
                digest, requiredFamily, jwsSerialization, copySource);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
