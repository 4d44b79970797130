package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Issue #10 item 8: entry names without the UTF-8 flag, in the code pages old tools wrote, are read —
 * shown correctly and matched with the signatures' references.
 */
class LegacyEntryNamesTest {

    /** "Công văn đi.txt" and "Bản sao.txt" as Windows-1258 writes them: ả is a + combining hook (0xD2). */
    private static final String OUTGOING = "Công văn đi.txt";
    private static final String COPY = "Bản sao.txt";

    @Test
    void windows1258NamesAreShownAndMatchedWithTheSignature() {
        byte[] signed = ValidationFixture.signer().signContainer(new ContainerRequest(List.of(
                new Document(OUTGOING, "Nội dung công văn".getBytes(StandardCharsets.UTF_8)),
                new Document(COPY, "Bản sao y bản chính".getBytes(StandardCharsets.UTF_8))), "so-noi-vu-binh-an",
                SignatureFormat.XADES, SignatureLevel.B_B, null)).content();
        ZipForge forge = ZipForge.of(signed);
        legacy(forge.entry(OUTGOING), Charset.forName("windows-1258").encode(OUTGOING).array(), OUTGOING);
        legacy(forge.entry(COPY), cp1258Copy(), COPY);
        byte[] container = forge.bytes();
        // the bytes really are legacy: not UTF-8, no flag
        String raw = new String(container, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(new String(OUTGOING.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)).contains("Công v\u00e3n \u00f0i.txt");

        ValidationReport report = ValidationFixture.validate(new SignedFile("cong-van.asice", container)).report();
        assertThat(report.findings()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures().get(0).coverage().vi()).contains(OUTGOING, COPY);
    }

    @Test
    void tcvn3NamesAreShownAndMatchedWithTheSignature() {
        byte[] signed = ValidationFixture.signer().signContainer(new ContainerRequest(List.of(
                new Document(OUTGOING, "Nội dung công văn".getBytes(StandardCharsets.UTF_8))), "so-noi-vu-binh-an",
                SignatureFormat.XADES, SignatureLevel.B_B, null)).content();
        ZipForge forge = ZipForge.of(signed);
        legacy(forge.entry(OUTGOING), new byte[] {'C', (byte) 0xAB, 'n', 'g', ' ', 'v', (byte) 0xA8, 'n', ' ',
            (byte) 0xAE, 'i', '.', 't', 'x', 't'}, OUTGOING);
        ValidationReport report = ValidationFixture.validate(new SignedFile("cong-van.asice", forge.bytes())).report();
        assertThat(report.findings()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures().get(0).coverage().vi()).contains(OUTGOING);
    }

    @Test
    void namesAreDecodedByFlagUtf8Windows1258Tcvn3OrCp437() {
        assertThat(EntryNames.decode("Công văn.txt".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo("Công văn.txt");
        assertThat(EntryNames.decode(cp1258Copy(), 0)).isEqualTo(COPY);
        assertThat(EntryNames.decode(new byte[] {'R', (byte) 0x82, 's', 'u', 'm', (byte) 0x82}, 0))
                .isEqualTo("Résumé");
        // TCVN3 as the ".Vn" fonts' tools wrote it: C 0xAB n g, v 0xA8 n, 0xAE i (ô, ă, đ)
        assertThat(EntryNames.decode(new byte[] {'C', (byte) 0xAB, 'n', 'g', ' ', 'v', (byte) 0xA8, 'n', ' ',
            (byte) 0xAE, 'i', '.', 't', 'x', 't'}, 0)).isEqualTo(OUTGOING);
        // b ả n (0xB6 = ả), s ố (0xE8 = ố)
        assertThat(EntryNames.decode(new byte[] {'B', (byte) 0xB6, 'n', ' ', 's', (byte) 0xE8}, 0))
                .isEqualTo("Bản số");
    }

    private static void legacy(ZipForge.Entry entry, byte[] raw, String name) {
        int length = raw.length;
        while (length > 0 && raw[length - 1] == 0) {
            length--;
        }
        entry.rawName = java.util.Arrays.copyOf(raw, length);
        entry.flags = 0;
        assertThat(EntryNames.decode(entry.rawName, 0)).isEqualTo(name);
    }

    private static byte[] cp1258Copy() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {'B', 'a', (byte) 0xD2, 'n'});
        b.writeBytes(" sao.txt".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }
}
