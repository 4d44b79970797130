package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.cli.ExitCode;
import vn.kyso.cli.KysoCli;

/**
 * The {@code kyso} command-line client run in-process against the running service, as a shell user
 * would: keys, sign (one, batch, container), validate with the PDF report, archive put/get/search/export,
 * a bulk transfer with progress, a preservation job followed to its end, verify, and a problem shown as
 * the service worded it with its exit code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class CliEndToEndTest {

    static final Path LETTERS = Path.of("../samples/letters");

    @LocalServerPort
    int port;

    /** The service's verification links, to build the link a QR code of an issuer-chosen id carries. */
    @org.springframework.beans.factory.annotation.Autowired
    vn.kyso.api.verify.IssuedLinks links;

    @TempDir
    Path dir;

    String out;
    String err;

    @BeforeEach
    void clear() {
        out = "";
        err = "";
    }

    int kyso(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = KysoCli.load().run(args, Map.of("KYSO_URL", "http://127.0.0.1:" + port),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void signValidateArchiveFindExportAndVerifyFromTheShell() throws Exception {
        assertThat(kyso("keys")).as(err).isZero();
        assertThat(out).contains("ubnd-binh-an", "tran-thi-bich-ngoc");

        Path signed = dir.resolve("cong-van-signed.pdf");
        assertThat(kyso("sign", LETTERS.resolve("cong-van-mot-trang.pdf").toString(), "--key", "ubnd-binh-an",
                "--level", "B-T", "-o", signed.toString())).as(err).isZero();
        assertThat(out).contains("PADES B-T");
        assertThat(Files.readString(signed, StandardCharsets.ISO_8859_1)).startsWith("%PDF").contains("/ByteRange");

        Path report = dir.resolve("report.pdf");
        assertThat(kyso("--lang", "vi", "validate", signed.toString(), "--pdf", report.toString())).as(err + out)
                .isZero();
        assertThat(out).contains("VALID", "Ủy ban nhân dân tỉnh Bình An");
        assertThat(Files.readString(report, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(kyso("validate", LETTERS.resolve("cong-van-ba-trang.pdf").toString()))
                .isEqualTo(ExitCode.NEGATIVE.code());
        assertThat(out).contains("UNSIGNED");

        String documentId = "CLI-" + UUID.randomUUID().toString().substring(0, 8);
        String fileCode = "G09.CLI." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(kyso("archive", "put", signed.toString(), "--fond", "G09", "--file-code", fileCode,
                "--number", "15/UBND-VP", "--date", "2026-11-20", "--type", "Công văn",
                "--issuer", "Ủy ban nhân dân tỉnh Bình An", "--subject", "Về việc cấp phép xây dựng trường học",
                "--preservation", "20", "--access", "public", "--document-id", documentId)).as(err).isZero();
        String id = out.strip().split("\\s+")[0];
        assertThat(out).contains("ACTIVE", "VALID");

        Path copy = dir.resolve("copy.pdf");
        assertThat(kyso("archive", "get", id, "--out", copy.toString())).as(err).isZero();
        assertThat(out).contains("15/UBND-VP", "Về việc cấp phép xây dựng trường học");
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(signed));

        assertThat(kyso("archive", "search", "cap phep xay dung truong hoc", "--file-code", fileCode)).as(err)
                .isZero();
        assertThat(out).contains("1 found").contains(id);

        assertThat(kyso("archive", "export", "--record", id, "-o", dir.toString())).as(err).isZero();
        Path bag = Path.of(out.strip().substring("exported: ".length()));
        assertThat(new String(Files.readAllBytes(bag), StandardCharsets.ISO_8859_1)).startsWith("PK")
                .contains("bagit.txt");
        // Built in the background (202), followed with a progress bar, then downloaded (issue #14).
        Path later = Files.createDirectories(dir.resolve("async"));
        assertThat(kyso("archive", "export", "--record", id, "--format", "eark", "--async", "-o", later.toString()))
                .as(err).isZero();
        assertThat(err).contains("[" + "#".repeat(30) + "] 1/1");
        Path eark = Path.of(out.strip().substring("exported: ".length()));
        assertThat(eark.getParent()).isEqualTo(later);
        assertThat(new String(Files.readAllBytes(eark), StandardCharsets.ISO_8859_1)).startsWith("PK")
                .contains("METS.xml");

        assertThat(kyso("verify", documentId, signed.toString())).as(err).isZero();
        assertThat(out).contains("IDENTICAL", "trùng khớp");
        assertThat(kyso("--lang", "en", "verify", documentId, LETTERS.resolve("cong-van-mot-trang.pdf").toString()))
                .isEqualTo(ExitCode.NEGATIVE.code());
        assertThat(out).contains("DIFFERENT", "differs from the archived original");

        // By the id alone (issue #14): the whole QR link, whose token t opens an id the issuer chose.
        String token = links.token(documentId);
        String link = "http://127.0.0.1:" + port + "/verify?id=" + documentId + "&h=0&t=" + token;
        assertThat(kyso("--lang", "vi", "verify", link)).as(err).isZero();
        assertThat(out).contains(documentId + ": VALID", "Ủy ban nhân dân tỉnh Bình An", "Số, ký hiệu: 15/UBND-VP",
                "Trích yếu: Về việc cấp phép xây dựng trường học", "Bản gốc: /api/v1/issued-documents/");
        // Without the token the answer is the one for an id nobody issued, and the exit code says no.
        assertThat(kyso("--lang", "en", "verify", documentId)).isEqualTo(ExitCode.NEGATIVE.code());
        assertThat(out).contains(documentId + ": no document found under this id");
        // The id and the token as an option, with a copy: the lookup, then the comparison decides.
        assertThat(kyso("--lang", "en", "verify", documentId, signed.toString(), "--token", token)).as(err).isZero();
        assertThat(out).contains("Subject: Về việc cấp phép xây dựng trường học", "cong-van-signed.pdf: IDENTICAL");
        assertThat(kyso("verify", link, "--json")).as(err).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).path("found").asBoolean()).isTrue();
    }

    @Test
    void aBatchWithProgressAContainerAndABulkTransfer() throws Exception {
        Path broken = dir.resolve("hong.pdf");
        Files.writeString(broken, "%PDF-1.7 not really");
        Path folder = dir.resolve("signed");
        assertThat(kyso("sign", LETTERS.resolve("cong-van-mot-trang.pdf").toString(),
                LETTERS.resolve("cong-van-ba-trang.pdf").toString(), broken.toString(), "--key", "so-noi-vu-binh-an",
                "--level", "B-B", "--chunk", "2", "-o", folder.toString())).isEqualTo(ExitCode.NEGATIVE.code());
        assertThat(err).contains("3/3");
        assertThat(out).contains("2 signed", "1 failed", "hong.pdf: ");
        List<Path> signedFiles = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.sorted().forEach(signedFiles::add);
        }
        assertThat(signedFiles).hasSize(2);

        Path container = dir.resolve("ho-so.asice");
        assertThat(kyso("sign", "--container", LETTERS.resolve("cong-van-mot-trang.pdf").toString(),
                LETTERS.resolve("cong-van-ba-trang.pdf").toString(), "--key", "so-noi-vu-binh-an", "-o",
                container.toString())).as(err).isZero();
        assertThat(new String(Files.readAllBytes(container), StandardCharsets.ISO_8859_1)).startsWith("PK")
                .contains("mimetypeapplication/vnd.etsi.asic-e+zip");

        String fileCode = "G09.BULK." + UUID.randomUUID().toString().substring(0, 8);
        Path csv = dir.resolve("transfer.csv");
        Files.writeString(csv, "file,numberSymbol,subject\n"
                + "signed/" + signedFiles.get(0).getFileName() + ",21/SNV-VP,\"Về việc tuyển dụng, bổ nhiệm\"\n"
                + "signed/" + signedFiles.get(1).getFileName() + ",22/SNV-VP,Về việc đào tạo cán bộ\n",
                StandardCharsets.UTF_8);
        assertThat(kyso("archive", "put", "--csv", csv.toString(), "--fond", "G09", "--file-code", fileCode,
                "--date", "2026-11-21", "--type", "Công văn", "--issuer", "Sở Nội vụ tỉnh Bình An",
                "--preservation", "10", "--access", "public", "--wait")).as(err + out).isZero();
        assertThat(out).contains("2 accepted, 0 refused");
        assertThat(err).contains("uploading", "archiving", "2/2");
        assertThat(kyso("archive", "search", "--file-code", fileCode)).isZero();
        assertThat(out).contains("2 found");

        assertThat(kyso("archive", "job", "fixity", "--wait")).as(err + out).isZero();
        assertThat(out).contains("RUNNING", "/api/v1/archive-jobs/", "DONE", "records checked");
    }

    /**
     * Every format, at every level above the one-page PDF's B-B/B-T of the first test, signed from the
     * shell and validated back: XAdES enveloped, JAdES enveloping, CAdES detached (validated with its
     * original) and PAdES at B-LTA.
     */
    @Test
    void everyFormatAndLevelIsSignedFromTheShellAndValidatesAsSigned() throws Exception {
        Path xml = dir.resolve("quyet-dinh.xml");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<QuyetDinh><So>12/QĐ-UBND</So>"
                + "<TrichYeu>Phê duyệt kế hoạch</TrichYeu></QuyetDinh>\n");
        Path json = dir.resolve("ho-so.json");
        Files.writeString(json, "{\"so\": \"12/QĐ-UBND\", \"trichYeu\": \"Phê duyệt kế hoạch\"}\n");
        Path text = dir.resolve("bien-ban.txt");
        Files.writeString(text, "Biên bản họp ngày 05 tháng 12 năm 2026\n");
        record Case(Path file, String format, String level, String packaging, Path out, String baseline) {
        }
        List<Case> cases = List.of(
                new Case(xml, "XADES", "B-T", null, dir.resolve("quyet-dinh-signed.xml"), "XAdES-BASELINE-T"),
                new Case(json, "JADES", "B-LT", "ENVELOPING", dir.resolve("ho-so.jws.json"), "JAdES-BASELINE-LT"),
                new Case(text, "CADES", "B-LTA", "DETACHED", dir.resolve("bien-ban.txt.p7s"), "CAdES-BASELINE-LTA"),
                new Case(LETTERS.resolve("cong-van-mot-trang.pdf"), "PADES", "B-LTA", null,
                        dir.resolve("cong-van-lta.pdf"), "PAdES-BASELINE-LTA"));
        for (Case c : cases) {
            List<String> sign = new ArrayList<>(List.of("sign", c.file().toString(), "--key", "ubnd-binh-an",
                    "--format", c.format(), "--level", c.level(), "-o", c.out().toString()));
            if (c.packaging() != null) {
                sign.addAll(List.of("--packaging", c.packaging()));
            }
            assertThat(kyso(sign.toArray(String[]::new))).as(c.format() + " " + err).isZero();
            assertThat(out).contains(c.format() + " " + c.level());
            assertThat(Files.size(c.out())).isPositive();

            List<String> validate = new ArrayList<>(List.of("--lang", "en", "validate", c.out().toString()));
            if ("DETACHED".equals(c.packaging())) {
                validate.addAll(List.of("--original", c.file().toString()));
            }
            assertThat(kyso(validate.toArray(String[]::new))).as(c.format() + " " + err + out).isZero();
            assertThat(out).as(c.format()).contains(": VALID", c.baseline(), "Ủy ban nhân dân tỉnh Bình An");
        }
    }

    @Test
    void aProblemIsShownAsTheServiceWordedItWithItsExitCode() throws Exception {
        assertThat(kyso("sign", LETTERS.resolve("cong-van-mot-trang.pdf").toString(), "--key", "khong-co-khoa",
                "-o", dir.resolve("x.pdf").toString())).isEqualTo(ExitCode.REFUSED.code());
        assertThat(err).contains("KEY_NOT_FOUND (404)", "khong-co-khoa");

        assertThat(kyso("sign", LETTERS.resolve("cong-van-mot-trang.pdf").toString(), "--key", "ubnd-binh-an",
                "--level", "B-Z", "-o", dir.resolve("y.pdf").toString())).isEqualTo(ExitCode.REFUSED.code());
        assertThat(err).contains("INVALID_REQUEST (400)", "level");

        assertThat(kyso("archive", "get", UUID.randomUUID().toString())).isEqualTo(ExitCode.REFUSED.code());
        assertThat(err).contains("RECORD_NOT_FOUND (404)");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }
}
