package vn.kyso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's small parsers: the service's file names, the bulk CSV, the progress bar. */
class PiecesTest {

    @Test
    void theUtf8FileNameWinsOverTheAsciiFallback() {
        assertThat(Api.filenameOf("attachment; filename=\"Quyet dinh.pdf\"; "
                + "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2B1.pdf")).hasValue("Quyết định+1.pdf");
        assertThat(Api.filenameOf("attachment; filename=\"a.pdf\"")).hasValue("a.pdf");
        assertThat(Api.filenameOf("inline")).isEmpty();
    }

    @Test
    void theCsvKeepsQuotedCommasAndVietnamese(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ingest.csv");
        Files.writeString(csv, "\uFEFFfile,numberSymbol,subject\n"
                + "a.pdf,12/UBND-VP,\"Về việc A, B và \"\"C\"\"\"\n\n"
                + "b.pdf,13/UBND-VP,Về việc D\n", StandardCharsets.UTF_8);

        var rows = ArchivePut.Csv.read(csv);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("file", "a.pdf").containsEntry("subject", "Về việc A, B và \"C\"");
        assertThat(rows.get(1)).containsEntry("numberSymbol", "13/UBND-VP");
    }

    @Test
    void theBarFillsWithTheCount() {
        assertThat(Progress.bar(0, 10)).isEqualTo("[" + ".".repeat(30) + "]");
        assertThat(Progress.bar(5, 10)).isEqualTo("[" + "#".repeat(15) + ".".repeat(15) + "]");
        assertThat(Progress.bar(0, 0)).isEqualTo("[" + "#".repeat(30) + "]");
    }

    @Test
    void aQrLinkGivesItsIdAndTokenDecoded() {
        assertThat(VerifyCommand.query("https://kyso.example.gov.vn/verify?id=KQ-2026-000777&h=ab12&t=Zx_9-q%3D"))
                .containsEntry("id", "KQ-2026-000777").containsEntry("h", "ab12").containsEntry("t", "Zx_9-q=");
        assertThat(VerifyCommand.query("/verify?id=VB-ABCDEFGHJKLM")).containsEntry("id", "VB-ABCDEFGHJKLM")
                .doesNotContainKey("t");
        assertThat(VerifyCommand.query("KQ-2026-000777")).isEmpty();
    }
}
