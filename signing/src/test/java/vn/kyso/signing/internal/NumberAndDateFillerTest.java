package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.FillInRequest;
import vn.kyso.signing.FilledIn;
import vn.kyso.signing.FilledIn.How;
import vn.kyso.signing.FilledIn.What;

/**
 * Issue #12, "Issuing a letter": the number and symbol and the date go into the letter as text before
 * the organisation signs, and the authorised person's signature stays valid.
 */
class NumberAndDateFillerTest {

    private static final NumberAndDateFiller FILLER = new NumberAndDateFiller(SampleLetters.SERIF);
    private static final LocalDate DATE = LocalDate.of(2026, 12, 5);

    @Test
    void datesFollowDecree30LeadingZeros() {
        assertThat(NumberAndDateFiller.vietnameseDate(LocalDate.of(2026, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2026");
        assertThat(NumberAndDateFiller.vietnameseDate(LocalDate.of(2026, 3, 9))).isEqualTo("ngày 09 tháng 3 năm 2026");
        assertThat(NumberAndDateFiller.vietnameseDate(LocalDate.of(2026, 12, 22)))
                .isEqualTo("ngày 22 tháng 12 năm 2026");
    }

    @Test
    void placeholdersOfASignedDraftAreFilledAsTextAndThePersonsSignatureStaysValid() throws Exception {
        Assertions.tools();
        SoftwareSigner signer = new SoftwareSigner();
        Decree30Layout layout = new Decree30Layout(SampleLetters.SERIF);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] draft = FILLER.prepare(new Document("draft.pdf", SampleLetters.draft())).content();
        assertThat(pdftotext(draft, "prepared")).as("the dots stay until the values are filled in")
                .contains("....../TTr-UBND").doesNotContain("15/TTr-UBND");
        byte[] personSigned = signer.sign(draft, signer.person(), layout.create(PdfInspector.inspect(draft),
                new AppearanceContent(Appearance.PERSON, null, TestImages.signature(), "Nguyễn Văn An",
                        SampleLetters.ISSUER, now, null, null)), now);

        FilledIn result = FILLER.fill(new FillInRequest(new Document("draft.pdf", personSigned), "15/TTr-UBND", DATE));

        assertThat(result.filled()).extracting(FilledIn.Filled::what, FilledIn.Filled::how)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(What.NUMBER_SYMBOL, How.PLACEHOLDER),
                        org.assertj.core.groups.Tuple.tuple(What.DOCUMENT_DATE, How.PLACEHOLDER));
        byte[] filled = result.document().content();
        assertThat(Arrays.copyOf(filled, personSigned.length)).as("an incremental update").isEqualTo(personSigned);
        assertThat(objectsDefinedTwice(Arrays.copyOfRange(filled, personSigned.length, filled.length)))
                .as("each object once in the update").isEmpty();
        String text = pdftotext(filled, "filled");
        assertThat(text).contains("15/TTr-UBND").contains("ngày 05 tháng 12 năm 2026");

        String report = Renderer.pdfsig(filled, "filled");
        assertThat(report).contains("Signature Validation: Signature is Valid.");
        assertThat(report).doesNotContain("Signature is Invalid");

        // The organisation then signs the filled letter; both signatures are valid and the values stay.
        byte[] issued = signer.sign(filled, signer.organisation(), layout.create(PdfInspector.inspect(filled),
                new AppearanceContent(Appearance.ORGANISATION, null, TestImages.seal(), null, SampleLetters.ISSUER,
                        now, null, null)), now);
        String both = Renderer.pdfsig(issued, "filled-and-issued");
        assertThat(Pattern.compile("Signature Validation: Signature is Valid\\.").matcher(both).results().count())
                .as(both).isEqualTo(2);
        assertThat(pdftotext(issued, "filled-and-issued")).contains("15/TTr-UBND").contains("ngày 05 tháng 12 năm 2026");
        // Digits are drawn where only dots were: the number-and-date line holds more ink than in the draft.
        Rect line = new Rect(100, 104, 420, 18);
        assertThat(Renderer.count(Renderer.firstPage(issued, "filled-and-issued"), line, Renderer::dark))
                .isGreaterThan(Renderer.count(Renderer.firstPage(draft, "draft"), line, Renderer::dark));
    }

    @Test
    void aDraftWithFormFieldsHasThemFilled() throws Exception {
        Assertions.tools();
        byte[] withFields = withFields(SampleLetters.draft());

        FilledIn result = FILLER.fill(new FillInRequest(new Document("draft.pdf", withFields), "7/QĐ-UBND",
                LocalDate.of(2026, 1, 3)));

        assertThat(result.filled()).extracting(FilledIn.Filled::how).containsOnly(How.FORM_FIELD);
        assertThat(result.filled()).hasSize(2);
        try (PDDocument pdf = Loader.loadPDF(result.document().content())) {
            PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
            assertThat(form.getField("soKyHieu").getValueAsString()).isEqualTo("7/QĐ-UBND");
            assertThat(form.getField("ngayBanHanh").getValueAsString()).isEqualTo("ngày 03 tháng 01 năm 2026");
        }
        assertThat(pdftotext(result.document().content(), "fields")).contains("7/QĐ-UBND")
                .contains("ngày 03 tháng 01 năm 2026");
    }

    @Test
    void aLetterWithoutPlaceholdersIsLeftAsItIs() {
        byte[] letter = SampleLetters.oneLetter();

        assertThat(FILLER.prepare(new Document("l.pdf", letter)).content()).isEqualTo(letter);
        FilledIn result = FILLER.fill(new FillInRequest(new Document("l.pdf", letter), "15/TTr-UBND", DATE));

        assertThat(result.filled()).isEmpty();
        assertThat(result.document().content()).isEqualTo(letter);
    }

    @Test
    void aDraftSignedBeforeItsFieldsWereMadeIsNotGivenFieldsThatWouldCoverSignedText() throws Exception {
        SoftwareSigner signer = new SoftwareSigner();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] signed = signer.sign(SampleLetters.draft(), signer.person(), null, now);

        assertThat(FILLER.prepare(new Document("s.pdf", signed)).content()).isEqualTo(signed);
        assertThat(FILLER.fill(new FillInRequest(new Document("s.pdf", signed), "15/TTr-UBND", DATE)).filled())
                .isEmpty();
    }

    private static byte[] withFields(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDPage page = doc.getPage(0);
            form.getFields().add(field(form, page, "soKyHieu", new PDRectangle(120, 700, 120, 18)));
            form.getFields().add(field(form, page, "ngayBanHanh", new PDRectangle(330, 700, 200, 18)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDTextField field(PDAcroForm form, PDPage page, String name, PDRectangle rect) throws Exception {
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setPrinted(true);
        page.getAnnotations().add(widget);
        return field;
    }

    private static java.util.List<String> objectsDefinedTwice(byte[] section) {
        java.util.regex.Matcher m = Pattern.compile("(?m)^(\\d+ \\d+) obj")
                .matcher(new String(section, java.nio.charset.StandardCharsets.ISO_8859_1));
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.List<String> twice = new java.util.ArrayList<>();
        while (m.find()) {
            if (!seen.add(m.group(1))) {
                twice.add(m.group(1));
            }
        }
        return twice;
    }

    /** In content order (-raw): the layout mode interleaves the value with the covered dots beneath it. */
    private static String pdftotext(byte[] pdf, String name) throws Exception {
        Files.createDirectories(Renderer.ARTIFACTS);
        Path input = Renderer.ARTIFACTS.resolve(name + ".pdf");
        Files.write(input, pdf);
        Process p = new ProcessBuilder("/usr/bin/pdftotext", "-raw", "-l", "1", input.toString(), "-").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** The poppler tools fail the test when missing: CI installs them (scripts/deps.sh). */
    private static final class Assertions {
        static void tools() {
            assertThat(Files.isExecutable(Path.of("/usr/bin/pdftotext"))).as("pdftotext installed").isTrue();
            assertThat(Files.isExecutable(Renderer.PDFSIG)).as("pdfsig installed").isTrue();
            assertThat(Files.isExecutable(Renderer.PDFTOPPM)).as("pdftoppm installed").isTrue();
        }
    }
}
