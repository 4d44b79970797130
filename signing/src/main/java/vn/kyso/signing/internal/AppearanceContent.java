package vn.kyso.signing.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.Placement;

/**
 * What a visible signature shows. Which fields a layout needs is checked by {@link Decree30Layout},
 * so that a missing one becomes {@code APPEARANCE_INVALID} rather than an argument error.
 *
 * <p>Texts are normalised to NFC (a name typed on a Vietnamese keyboard often arrives decomposed,
 * and the font maps precomposed letters such as "Ủ" to one glyph) and their whitespace, including
 * line breaks, collapsed to single spaces: the layout does its own line breaking.
 *
 * @param appearance     the Decree 30 layout
 * @param placement      where to put it, or null for the layout's default place
 * @param imagePng       the person's signature (PERSON) or the organisation's seal (ORGANISATION), as a
 *                       PNG with a transparent background; ignored by the other layouts (a copy shows
 *                       no seal)
 * @param signerName     the signer's name (not drawn by the Decree 30 layouts: the document prints it)
 * @param organisation   the signing or copying organisation
 * @param signingTime    the signing time shown in the text
 * @param numberSymbol number and symbol of the document (số, ký hiệu), for ATTACHMENT
 * @param copyForm       form of copy for COPY: SAO Y, SAO LỤC or TRÍCH SAO ({@link CopyMark})
 * @param copySource     for COPY, what the copy is made from; null otherwise
 * @param imageWidthMm   the configured real width of the image in millimetres, or null to read it from the
 *                       PNG's resolution
 */
record AppearanceContent(
        Appearance appearance,
        Placement placement,
        byte[] imagePng,
        String signerName,
        String organisation,
        Instant signingTime,
        String numberSymbol,
        String copyForm,
        CopySource copySource,
        Double imageWidthMm) {

    AppearanceContent {
        Objects.requireNonNull(appearance, "appearance");
        Objects.requireNonNull(signingTime, "signingTime");
        imagePng = imagePng == null ? null : imagePng.clone();
        signerName = clean(signerName);
        organisation = clean(organisation);
        numberSymbol = clean(numberSymbol);
        copyForm = clean(copyForm);
    }

    /** Content without a configured image size. */
    AppearanceContent(Appearance appearance, Placement placement, byte[] imagePng, String signerName,
            String organisation, Instant signingTime, String numberSymbol, String copyForm, CopySource copySource) {
        this(appearance, placement, imagePng, signerName, organisation, signingTime, numberSymbol, copyForm,
                copySource, null);
    }

    /** Content that is not a copy. */
    AppearanceContent(Appearance appearance, Placement placement, byte[] imagePng, String signerName,
            String organisation, Instant signingTime, String numberSymbol, String copyForm) {
        this(appearance, placement, imagePng, signerName, organisation, signingTime, numberSymbol, copyForm, null);
    }

    @Override
    public byte[] imagePng() {
        return imagePng == null ? null : imagePng.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppearanceContent c
                && appearance == c.appearance
                && Objects.equals(placement, c.placement)
                && Arrays.equals(imagePng, c.imagePng)
                && Objects.equals(signerName, c.signerName)
                && Objects.equals(organisation, c.organisation)
                && signingTime.equals(c.signingTime)
                && Objects.equals(numberSymbol, c.numberSymbol)
                && Objects.equals(copyForm, c.copyForm)
                && copySource == c.copySource
                && Objects.equals(imageWidthMm, c.imageWidthMm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appearance, placement, Arrays.hashCode(imagePng), signerName, organisation,
                signingTime, numberSymbol, copyForm, copySource, imageWidthMm);
    }

    @Override
    public String toString() {
        return "AppearanceContent[" + appearance + ", placement=" + placement
                + ", image=" + (imagePng == null ? "none" : imagePng.length + " bytes")
                + ", organisation=" + organisation + ", signingTime=" + signingTime
                + ", numberSymbol=" + numberSymbol + ", copyForm=" + copyForm + ", copySource=" + copySource + ", imageWidthMm=" + imageWidthMm + "]";
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String single = nfc.replaceAll("[\\p{Cntrl}\\p{Z}\\s]+", " ").strip();
        return single.isEmpty() ? null : single;
    }
}
