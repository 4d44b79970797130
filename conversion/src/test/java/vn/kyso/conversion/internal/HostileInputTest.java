package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.SourceFormat;

/** Each bad input ends in its own error code, quickly, and leaves the pool usable. */
class HostileInputTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void emptyInput() {
        expect(new byte[0], ConversionError.EMPTY_DOCUMENT);
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        expect(noise, ConversionError.UNSUPPORTED_TYPE);
    }

    @Test
    void anExecutableNamedLikeADocument() throws IOException {
        byte[] elf = Files.readAllBytes(Path.of("/bin/true"));
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> Samples.service().toPdfA(
                new ConversionRequest(elf, "quyet-dinh.docx", vn.kyso.conversion.PdfAProfile.PDF_A_2B)))
                .isInstanceOfSatisfying(ConversionException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.error())
                                .isEqualTo(ConversionError.UNSUPPORTED_TYPE)));
    }

    @Test
    void aTruncatedDocx() {
        byte[] docx = Samples.document(SourceFormat.DOCX);
        expect(Arrays.copyOf(docx, docx.length * 2 / 3), ConversionError.CONVERSION_FAILED);
    }

    @Test
    void aDocxZipBomb() throws IOException {
        byte[] bomb = docxBomb(600L << 20);
        expect(bomb, ConversionError.DOCUMENT_TOO_LARGE);
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> Samples.service().extract(bomb))
                .isInstanceOfSatisfying(ConversionException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.error())
                                .isEqualTo(ConversionError.DOCUMENT_TOO_LARGE)));
    }

    @Test
    void tooLarge() {
        try (var small = new LibreOfficeConversionService(ConversionSettings.defaults().withMaxSize(1024))) {
            assertThatThrownBy(() -> small.toPdfA(ConversionRequest.of(Samples.document(SourceFormat.DOCX))))
                    .isInstanceOfSatisfying(ConversionException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.error())
                                    .isEqualTo(ConversionError.DOCUMENT_TOO_LARGE));
        }
    }

    @Test
    void aCorruptPdf() {
        byte[] pdf = Samples.document(SourceFormat.PDF);
        byte[] broken = Arrays.copyOf(pdf, 400); // header and little else
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> Samples.service().toPdfA(
                ConversionRequest.of(broken))).isInstanceOf(ConversionException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ConversionException) e).error())
                        .isIn(ConversionError.CONVERSION_FAILED)));
    }

    @Test
    void aConversionPastTheTimeoutIsStopped() {
        // 1 ms: no tesseract process can even start in that time, so the outcome does not depend on
        // how busy the machine is (300 ms was passed on a loaded CI machine).
        var settings = ConversionSettings.defaults().withTaskTimeout(Duration.ofMillis(1));
        var slow = new ConversionSettings(settings.officeHome(), 1, settings.taskTimeout(), settings.maxSize(),
                settings.maxExpandedSize(), settings.maxTextLength(), settings.ocrLanguages(), settings.tesseract(),
                settings.fontDirectory());
        try (var service = new LibreOfficeConversionService(slow)) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> service.toPdfA(
                    ConversionRequest.of(Samples.document(SourceFormat.PNG))))
                    .isInstanceOfSatisfying(ConversionException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.error())
                                    .isEqualTo(ConversionError.CONVERSION_TIMEOUT)));
        }
    }

    private static void expect(byte[] content, ConversionError error) {
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> Samples.service().toPdfA(
                ConversionRequest.of(content)))
                .isInstanceOfSatisfying(ConversionException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(error)));
    }

    /** A DOCX whose document.xml inflates to {@code size} bytes of spaces from about a megabyte. */
    static byte[] docxBomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target="
                    + "\"word/document.xml\"/></Relationships>").getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < size; written += spaces.length) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
