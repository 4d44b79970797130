package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/**
 * The proof that lets the visual comparison skip rendering holds for revisions that leave the page
 * alone and fails for every change that alters what the page shows.
 */
class SamePageContentTest {

    static byte[] base;

    @BeforeAll
    static void letter() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 12);
                cs.newLineAtOffset(72, 770);
                cs.showText("Cong van so 12/UBND-VP");
                cs.endText();
            }
            doc.save(out);
            base = out.toByteArray();
        }
    }

    static boolean proven(byte[] signed, byte[] current, int page, Set<Integer> hidden) throws IOException {
        try (PDDocument s = Loader.loadPDF(signed); PDDocument f = Loader.loadPDF(current)) {
            int annotations = page > f.getNumberOfPages() ? 0 : f.getPage(page - 1).getAnnotations().size();
            return SamePageContent.proven(s, f, page, annotations, hidden);
        }
    }

    @Test
    void aRevisionThatOnlyAddsDocumentLevelDataLeavesThePageProvablyAlike() throws IOException {
        byte[] later = PdfTampering.incremental(base, doc -> {
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), new COSArray());
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            doc.getDocumentInformation().setTitle("Đã bổ sung dữ liệu kiểm tra");
            catalog.setNeedToBeUpdated(true);
        });
        assertThat(later.length).isGreaterThan(base.length);
        assertThat(proven(base, later, 1, Set.of())).isTrue();
    }

    @Test
    void everyChangeToWhatThePageShowsDefeatsTheProof() throws IOException {
        assertThat(proven(base, PdfTampering.appendText(base, "Da sua"), 1, Set.of())).isFalse();
        assertThat(proven(base, PdfTampering.replaceContent(base), 1, Set.of())).isFalse();
        assertThat(proven(base, PdfTampering.coverWithWhiteBox(base), 1, Set.of())).isFalse();
        assertThat(proven(base, PdfTampering.appendAnnotation(base), 1, Set.of())).isFalse();
        assertThat(proven(base, PdfTampering.addFormField(base), 1, Set.of())).isFalse();
    }

    @Test
    void aFontChangedInALaterRevisionDefeatsTheProof() throws IOException {
        byte[] later = PdfTampering.incremental(base, doc -> {
            COSDictionary fonts = doc.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            for (COSName name : fonts.keySet()) {
                COSDictionary font = fonts.getCOSDictionary(name);
                font.setName(COSName.BASE_FONT, "Courier");
                font.setNeedToBeUpdated(true);
            }
            fonts.setNeedToBeUpdated(true);
            doc.getPage(0).getResources().getCOSObject().setNeedToBeUpdated(true);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        assertThat(proven(base, later, 1, Set.of())).isFalse();
    }

    @Test
    void layersSwitchedInTheCatalogDefeatTheProof() throws IOException {
        byte[] later = PdfTampering.incremental(base, doc -> {
            COSDictionary oc = new COSDictionary();
            oc.setItem(COSName.OCGS, new COSArray());
            COSDictionary defaults = new COSDictionary();
            defaults.setItem(COSName.OFF, new COSArray());
            oc.setItem(COSName.D, defaults);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.OCPROPERTIES, oc);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertThat(proven(base, later, 1, Set.of())).isFalse();
    }

    @Test
    void formDefaultResourcesChangedUnderAnAnnotationWithoutAppearanceDefeatTheProof() throws IOException {
        // A free-text note without an appearance stream, drawn by the viewer from the form's /DR and /DA.
        byte[] noted = PdfTampering.appendAnnotation(PdfTampering.addFormField(base));
        byte[] later = PdfTampering.incremental(noted, doc -> {
            var form = doc.getDocumentCatalog().getAcroForm();
            var resources = form.getDefaultResources();
            resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.COURIER));
            form.getCOSObject().setNeedToBeUpdated(true);
            resources.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertThat(proven(noted, noted, 1, Set.of())).isTrue();
        assertThat(proven(noted, later, 1, Set.of())).isFalse();
    }

    @Test
    void anAnnotationTheComparisonHidesIsLeftOutAndOnlyThatOne() throws IOException {
        byte[] annotated = PdfTampering.appendAnnotation(base);
        assertThat(proven(base, annotated, 1, Set.of(0))).isTrue();
        // Against the annotated document, a second added annotation hidden leaves the first compared.
        byte[] twice = PdfTampering.incremental(annotated, doc -> {
            PDPage page = doc.getPage(0);
            var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
            note.setRectangle(new PDRectangle(400, 700, 20, 20));
            note.setContents("Ghi chú thêm");
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        assertThat(proven(annotated, twice, 1, Set.of(1))).isTrue();
        assertThat(proven(annotated, twice, 1, Set.of(0))).isFalse();
        assertThat(proven(base, twice, 1, Set.of(0, 1))).isTrue();
    }

    @Test
    void anAppendedPageLeavesTheFirstPageAlikeAndHasNothingToCompareWith() throws IOException {
        byte[] longer = PdfTampering.appendPage(base);
        assertThat(proven(base, longer, 1, Set.of())).isTrue();
        assertThat(proven(base, longer, 2, Set.of())).isFalse();
    }

    @Test
    void aSignedLetterExtendedToLongTermIsProvablyAlikeWithItsSignedRevision() throws IOException {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LT);
        byte[] revision;
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature signature = doc.getSignatureDictionaries().get(0);
            int[] range = signature.getByteRange();
            revision = Arrays.copyOf(signed, range[2] + range[3]);
        }
        assertThat(revision.length).isLessThan(signed.length);
        assertThat(proven(revision, signed, 1, Set.of())).isTrue();
        assertThat(proven(revision, PdfTampering.coverWithWhiteBox(signed), 1, Set.of())).isFalse();
    }
}
