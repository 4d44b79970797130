package vn.kyso.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    private static DocumentType of(String text) {
        return DocumentType.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recognisesEachFormatByItsFirstBytes() {
        assertThat(of("%PDF-1.7\n%\u00e2\u00e3")).isEqualTo(DocumentType.PDF);
        assertThat(of("junk before the header %PDF-1.4")).as("readers accept a late header").isEqualTo(DocumentType.PDF);
        assertThat(of("PK\u0003\u0004rest")).isEqualTo(DocumentType.ZIP);
        assertThat(of("\u00ef\u00bb\u00bf  <?xml version=\"1.0\"?><a/>")).isEqualTo(DocumentType.XML);
        assertThat(of("\n{\"a\":1}")).isEqualTo(DocumentType.JSON);
        assertThat(of("[1]")).isEqualTo(DocumentType.JSON);
        assertThat(of("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln\n")).isEqualTo(DocumentType.JWS_COMPACT);
        byte[] cms = {0x30, (byte) 0x80, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07,
                0x02, (byte) 0xA0, (byte) 0x80};
        assertThat(DocumentType.of(cms)).isEqualTo(DocumentType.CMS);
        byte[] cmsOfPdf = java.util.Arrays.copyOf(cms, 64);
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, cmsOfPdf, 20, 8);
        assertThat(DocumentType.of(cmsOfPdf)).as("an enveloping CMS of a PDF is a CMS").isEqualTo(DocumentType.CMS);
    }

    @Test
    void anythingElseIsUnknownWithTheGenericMediaType() {
        assertThat(DocumentType.of(new byte[0])).isEqualTo(DocumentType.UNKNOWN);
        assertThat(of("   \n")).isEqualTo(DocumentType.UNKNOWN);
        assertThat(of("plain text")).isEqualTo(DocumentType.UNKNOWN);
        assertThat(of("eyJhbGciOiJSUzI1NiJ9.only-one-dot")).isEqualTo(DocumentType.UNKNOWN);
        assertThat(DocumentType.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05})).as("a DER SEQUENCE but no SignedData")
                .isEqualTo(DocumentType.UNKNOWN);
        assertThat(DocumentType.UNKNOWN.mediaType()).isEqualTo("application/octet-stream");
        assertThat(DocumentType.PDF.mediaType()).isEqualTo("application/pdf");
    }
}
