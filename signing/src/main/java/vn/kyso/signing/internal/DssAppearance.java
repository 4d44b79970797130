package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.enumerations.VisualSignatureRotation;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import java.awt.Color;
import vn.kyso.signing.internal.VisibleSignature.TextBlock;

/**
 * Turns a planned {@link VisibleSignature} into DSS image parameters. The plan already made the field
 * exactly as large as its image and text; the settings here make DSS's own box arithmetic
 * ({@code SignatureFieldDimensionAndPositionBuilder}) land on the same rectangles.
 */
final class DssAppearance {

    private DssAppearance() {
    }

    static SignatureImageParameters parameters(VisibleSignature plan, SignatureFont font) {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(plan.page());
        field.setOriginX(plan.field().x());
        field.setOriginY(plan.field().y());
        field.setWidth(plan.field().width());
        field.setHeight(plan.field().height());
        // The plan is in the displayed page's frame; automatic rotation keeps it so on rotated pages.
        field.setRotation(VisualSignatureRotation.AUTOMATIC);

        SignatureImageParameters parameters = new SignatureImageParameters();
        parameters.setFieldParameters(field);
        if (plan.png() != null) {
            parameters.setImage(new InMemoryDocument(plan.png(), "appearance.png", MimeTypeEnum.PNG));
            // Keeps the seal round and the signature undistorted if the boxes differ by rounding.
            parameters.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        }
        if (plan.text() != null) {
            parameters.setTextParameters(text(plan.text(), font));
        }
        return parameters;
    }

    private static SignatureImageTextParameters text(TextBlock block, SignatureFont font) {
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText(String.join("\n", block.lines()));
        text.setFont(font.dssFont(block.fontSize()));
        // The plan wrapped the lines; FONT_BASED keeps the decree's font size instead of filling the box.
        text.setTextWrapping(TextWrapping.FONT_BASED);
        text.setTextColor(Color.BLACK);
        // DSS paints a white box behind text by default, which would hide the person's signature.
        text.setBackgroundColor(null);
        text.setPadding(Decree30Layout.TEXT_PADDING);
        switch (block.side()) {
            case LEFT_OF_IMAGE -> beside(text, SignerTextVerticalAlignment.MIDDLE);
            case BELOW_IMAGE -> {
                text.setSignerTextPosition(SignerTextPosition.BOTTOM);
                text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.CENTER);
            }
            case ALONE -> {
                // With no image, RIGHT puts the text box against the field's right edge.
                text.setSignerTextPosition(SignerTextPosition.RIGHT);
                text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.RIGHT);
                text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.TOP);
            }
        }
        return text;
    }

    private static void beside(SignatureImageTextParameters text, SignerTextVerticalAlignment vertical) {
        text.setSignerTextPosition(SignerTextPosition.LEFT);
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.RIGHT);
        text.setSignerTextVerticalAlignment(vertical);
    }
}
