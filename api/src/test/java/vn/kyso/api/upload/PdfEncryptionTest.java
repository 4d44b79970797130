package vn.kyso.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The encryption check reads the last trailer only: it finds qpdf's encryptions (a cross-reference table and
 * a cross-reference stream, owner and user passwords) and no false alarm on the project's own PDFs, signed
 * ones with several revisions included.
 */
class PdfEncryptionTest {

    @Test
    void encryptedPdfsAreFound() throws IOException {
        assertThat(PdfEncryption.isEncrypted(resource("/uploads/encrypted-owner.pdf"))).isTrue();
        assertThat(PdfEncryption.isEncrypted(resource("/uploads/encrypted-user.pdf"))).isTrue();
    }

    @Test
    void noPdfOfTheProjectIsTakenForEncrypted() throws IOException {
        List<Path> pdfs;
        try (Stream<Path> walk = Files.walk(Path.of("../samples"))) {
            pdfs = walk.filter(p -> p.toString().endsWith(".pdf")).toList();
        }
        assertThat(pdfs).hasSizeGreaterThan(2);
        for (Path p : pdfs) {
            assertThat(PdfEncryption.isEncrypted(Files.readAllBytes(p))).as(p.toString()).isFalse();
        }
    }

    @Test
    void aWordInTheTextIsNotATrailer() {
        String pdf = "%PDF-1.7\n1 0 obj\n<< /Length 30 >>\nstream\n(/Encrypt 5 0 R) Tj\nendstream\nendobj\n"
                + "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"
                + "startxref\n" + "%PDF-1.7\n1 0 obj\n<< /Length 30 >>\nstream\n(/Encrypt 5 0 R) Tj\nendstream\nendobj\n"
                .length() + "\n%%EOF\n";
        assertThat(PdfEncryption.isEncrypted(pdf.getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(PdfEncryption.isEncrypted(pdf.replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 4 0 R")
                .getBytes(StandardCharsets.ISO_8859_1))).isTrue();
    }

    @Test
    void notAPdfIsNotAnEncryptedPdf() {
        assertThat(PdfEncryption.isEncrypted("<xml/>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(PdfEncryption.isEncrypted(new byte[0])).isFalse();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PdfEncryptionTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
