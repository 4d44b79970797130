package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;

/** Where invisible signature and document time-stamp widgets go (issue #10 item 1). */
class BesideLastSignatureTest {

    final DssSigningService service = SigningFixture.service();

    @Test
    void documentTimestampsOfALetterSignedOnItsLastPageStayOnThatPage() throws IOException {
        byte[] person = service.sign(new SignRequest(new Document("l.pdf", SampleLetters.pages(3)),
                "tran-thi-bich-ngoc", SignOptions.defaults(SignatureLevel.B_T)
                        .withAppearance(Appearance.PERSON, null))).content();
        byte[] lta = service.sign(new SignRequest(new Document("l.pdf", person), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION, null)))
                .content();
        byte[] renewed = service.augment(new AugmentRequest(new Document("l.pdf", lta), SignatureLevel.B_LTA))
                .content();

        assertThat(Arrays.copyOf(renewed, lta.length)).isEqualTo(lta);
        try (PDDocument doc = Loader.loadPDF(renewed)) {
            assertThat(doc.getPage(0).getCOSObject().containsKey(COSName.ANNOTS)).isFalse();
            assertThat(doc.getPage(1).getCOSObject().containsKey(COSName.ANNOTS)).isFalse();
            List<String> onLastPage = signatureFieldsOn(doc.getPage(2));
            assertThat(onLastPage).hasSize(4);
            List<String> timestamps = new ArrayList<>();
            for (PDField f : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (f instanceof PDSignatureField s && "ETSI.RFC3161".equals(s.getSignature().getSubFilter())) {
                    timestamps.add(f.getFullyQualifiedName());
                    // invisible: a zero-size widget that paints nothing
                    assertThat(s.getWidgets().get(0).getRectangle().getWidth()).isZero();
                    assertThat(s.getWidgets().get(0).getPage()).isNotNull();
                }
            }
            assertThat(timestamps).hasSize(2);
            assertThat(onLastPage).containsAll(timestamps);
        }
    }

    @Test
    void aFirstInvisibleSignatureAndItsTimestampGoWherePdfboxPutsThemOnPageOne() throws IOException {
        byte[] lta = service.sign(new SignRequest(new Document("l.pdf", SampleLetters.pages(2)), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA))).content();

        try (PDDocument doc = Loader.loadPDF(lta)) {
            assertThat(signatureFieldsOn(doc.getPage(0))).hasSize(2);
            assertThat(doc.getPage(1).getCOSObject().containsKey(COSName.ANNOTS)).isFalse();
        }
    }

    /**
     * A person's signature on a draft waiting for its number and date is made in a field of ours (the
     * fill-in lock): its widget must be on the page like any other, or viewers draw no signature at all.
     */
    @Test
    void thePersonsLockedSignatureOnADraftIsDrawnOnItsPage() throws IOException {
        byte[] draft = service.prepareFillIn(new Document("d.pdf", SampleLetters.draft())).content();
        byte[] person = service.sign(new SignRequest(new Document("d.pdf", draft), "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null))).content();

        try (PDDocument doc = Loader.loadPDF(person)) {
            PDSignatureField personField = null;
            for (PDField f : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (f instanceof PDSignatureField s && s.getCOSObject().containsKey(FillInLock.LOCK)) {
                    personField = s;
                }
            }
            assertThat(personField).as("the person's field carries the fill-in lock").isNotNull();
            PDPage page = personField.getWidgets().get(0).getPage();
            assertThat(page).isNotNull();
            assertThat(signatureFieldsOn(page)).containsExactly(personField.getPartialName());
            assertThat(personField.getWidgets().get(0).getRectangle().getWidth()).isPositive();
        }
    }

    private static List<String> signatureFieldsOn(PDPage page) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDAnnotation a : page.getAnnotations()) {
            String name = a.getCOSObject().getString(COSName.T);
            if (COSName.SIG.equals(a.getCOSObject().getCOSName(COSName.FT))) {
                names.add(name);
            }
        }
        return names;
    }
}
