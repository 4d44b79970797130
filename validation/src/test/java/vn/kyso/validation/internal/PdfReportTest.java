package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Language;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/** The human-readable report renders in both languages, with Vietnamese letters, colour and page breaks. */
class PdfReportTest {

    static ValidationReport valid;
    static ValidationReport tampered;

    @BeforeAll
    static void validate() {
        byte[] person = ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf",
                ValidationFixture.oneLetter()), "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null))).content();
        byte[] both = ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf", person),
                "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION,
                        null))).content();
        valid = ValidationFixture.validate(both).report();
        tampered = ValidationFixture.validate(PdfTampering.appendPage(PdfTampering.appendText(both, "SUA"))).report();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aValidDocumentsReportRendersWithDiacriticsAndAGreenVerdict(Language language) throws Exception {
        byte[] pdf = ValidationFixture.service().pdfReport(valid, language);
        Path file = ValidationFixture.artifact("report-valid-" + language.name().toLowerCase() + ".pdf", pdf);

        String text = text(pdf);
        if (language == Language.VI) {
            assertThat(text).contains("Báo cáo kiểm tra chữ ký số", "Trần Thị Bích Ngọc",
                    "Ủy ban nhân dân tỉnh Bình An", "Chữ ký số chuyên dùng công vụ", "HỢP LỆ", "Dấu thời gian",
                    "Thời điểm kiểm tra", "+07:00");
            // Circular 15/2025/TT-BKHCN: the stated facts, and the current legal bases, never the repealed ones.
            assertThat(text.replaceAll("\\s+", " ")).contains("Kết quả kiểm tra chữ ký số (Thông tư 15/2025/TT-BKHCN)",
                    "Chữ ký số HỢP LỆ",
                    "Tính toàn vẹn của dữ liệu được ký: toàn vẹn", "Tổ chức cấp chứng thư số:",
                    "Đơn vị quản lý chứng thư số:", "Người ký: Trần Thị Bích Ngọc", "Thời điểm ký theo dấu thời gian:",
                    "Hiệu lực tại thời điểm ký: chứng thư số còn hiệu lực", "Thời hạn hiệu lực của chứng thư số: từ",
                    "Luật Giao dịch điện tử số 20/2023/QH15", "Nghị định số 23/2025/NĐ-CP",
                    "Nghị định số 68/2024/NĐ-CP", "chữ ký số chuyên dùng công");
            assertThat(text.replaceAll("\\s+", " ")).doesNotContain("130/2018", "chuyên dùng Chính phủ");
        } else {
            assertThat(text).contains("Digital signature validation report", "Trần Thị Bích Ngọc", "VALID",
                    "PAdES-BASELINE-LTA");
            assertThat(text.replaceAll("\\s+", " ")).contains("Specialised public-service digital signature",
                    "Verification result (Circular 15/2025/TT-BKHCN)",
                    "Integrity of the signed data: intact", "Law on Electronic Transactions No. 20/2023/QH15");
        }
        assertThat(text).contains(valid.sha256());

        BufferedImage page = render(file, "report-valid-" + language.name().toLowerCase());
        assertThat(inkRatio(page)).isGreaterThan(0.01);
        assertThat(countPixels(page, 0, 100, 30, 140, 0, 80)).as("green verdict banner").isGreaterThan(1000);
    }

    @Test
    void aTamperedDocumentsReportIsRedAndListsTheFindings() throws Exception {
        assertThat(tampered.verdict()).isEqualTo(Verdict.INVALID);
        byte[] pdf = ValidationFixture.service().pdfReport(tampered, Language.VI);
        Path file = ValidationFixture.artifact("report-tampered-vi.pdf", pdf);

        assertThat(text(pdf)).contains("KHÔNG HỢP LỆ", "Phát hiện về toàn văn bản", "Số trang đã thay đổi",
                "không được phép");
        BufferedImage page = render(file, "report-tampered-vi");
        assertThat(countPixels(page, 150, 255, 0, 60, 0, 60)).as("red verdict banner").isGreaterThan(1000);
    }

    @Test
    void longReportsWrapAndRunOverSeveralPages() throws Exception {
        List<SignatureReport> many = new ArrayList<>();
        SignatureReport s = valid.signatures().get(0);
        String longName = "Trung tâm Công nghệ thông tin và Truyền thông thuộc Sở Thông tin và Truyền thông tỉnh "
                + "Bình An ".repeat(4);
        for (int i = 0; i < 6; i++) {
            many.add(new SignatureReport(s.id() + "-" + i, s.verdict(), s.reason(), longName, longName, s.family(),
                    s.certificate(), s.revocation(), s.claimedSigningTime(), s.timestamps(), s.format(),
                    s.coverage(), s.changesAfterSigning()));
        }
        ValidationReport big = new ValidationReport("tai-lieu-rat-dai-" + "x".repeat(200) + ".pdf", valid.sha256(),
                Verdict.VALID, valid.summary(), Instant.now(), many,
                List.of(new Explanation("NOTE", "Ghi chú 😀 ký tự lạ \u0007 không có trong phông", "Note")));

        byte[] pdf = ValidationFixture.service().pdfReport(big, Language.VI);
        ValidationFixture.artifact("report-long-vi.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
        }
        assertThat(text(pdf)).contains("Trang 1/").contains("Ghi chú");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The first page through poppler's pdftoppm, an independent renderer. */
    static BufferedImage render(Path pdf, String stem) throws Exception {
        Path prefix = pdf.resolveSibling(stem);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        Path png = prefix.resolveSibling(stem + ".png");
        assertThat(Files.size(png)).isPositive();
        return ImageIO.read(png.toFile());
    }

    static double inkRatio(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb & 0xff) < 200 || (rgb >> 8 & 0xff) < 200 || (rgb >> 16 & 0xff) < 200) {
                    ink++;
                }
            }
        }
        return (double) ink / (image.getWidth() * (long) image.getHeight());
    }

    static long countPixels(BufferedImage image, int rMin, int rMax, int gMin, int gMax, int bMin, int bMax) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r >= rMin && r <= rMax && g >= gMin && g <= gMax && b >= bMin && b <= bMax) {
                    n++;
                }
            }
        }
        return n;
    }
}
