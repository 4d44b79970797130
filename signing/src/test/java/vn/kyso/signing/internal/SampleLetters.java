package vn.kyso.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Vietnamese official letters (công văn) laid out like Decree 30/2020, Appendix I: A4, the issuing
 * body and number on the left, the national motto on the right, the body, and the signature block
 * with a blank space between the signer's title and name where the handwritten signature goes.
 */
public final class SampleLetters {

    static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/liberation2");
    static final Path SERIF = FONT_DIR.resolve("LiberationSerif-Regular.ttf");
    static final Path SERIF_BOLD = FONT_DIR.resolve("LiberationSerif-Bold.ttf");

    static final String ISSUER = "Ủy ban nhân dân tỉnh Bình An";

    private static final float LEFT = 85f;      // 30 mm
    private static final float RIGHT = 57f;     // 20 mm
    private static final float TOP = 57f;       // 20 mm
    private static final float LEFT_COLUMN = 180f;
    private static final float RIGHT_COLUMN = 405f;
    private static final float BODY_SIZE = 13f;
    private static final float LEADING = 19f;

    private static final List<String> PARAGRAPHS = List.of(
            "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn "
                    + "thư, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, "
                    + "thành phố triển khai ký số trên văn bản điện tử gửi, nhận qua hệ thống quản lý văn bản.",
            "Văn bản điện tử phải được ký số bởi người có thẩm quyền và ký số của cơ quan, tổ chức theo quy "
                    + "định; hình ảnh chữ ký và con dấu hiển thị đúng vị trí, màu sắc và kích thước thực tế.",
            "Các đơn vị rà soát chứng thư số chuyên dùng, đề nghị cấp mới hoặc gia hạn trước ngày 15 tháng "
                    + "12 năm 2026; báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời về Sở Thông tin "
                    + "và Truyền thông để được hướng dẫn, giải quyết./.");

    private SampleLetters() {
    }

    /** A one-page letter with the signature block on it. */
    static byte[] oneLetter() {
        return pages(1);
    }

    /** A letter of {@code n} pages; the header is on page one, the signature block on the last page. */
    public static byte[] pages(int n) {
        return pages(n, false);
    }

    /**
     * A plain text letter of {@code n} A4 pages in Vietnamese, 45 lines a page and no letterhead: the
     * document every benchmark sizes its "50 pages" rows with, so their figures compare.
     */
    public static byte[] textPages(int n) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, SERIF.toFile());
            for (int p = 1; p <= n; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 770);
                    for (int line = 0; line < 45; line++) {
                        cs.showText("Trang " + p + ", dòng " + (line + 1)
                                + ": nội dung báo cáo tổng hợp kết quả giải quyết thủ tục hành chính.");
                        cs.newLineAtOffset(0, -15);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page draft as a clerk receives it: "Số: ....../TTr-UBND" and "ngày ... tháng ... năm 2026". */
    static byte[] draft() {
        return pages(1, true);
    }

    private static byte[] pages(int n, boolean draft) {
        if (n < 1) {
            throw new IllegalArgumentException("a letter has at least one page");
        }
        try (PDDocument document = new PDDocument()) {
            PDFont regular = PDType0Font.load(document, SERIF.toFile());
            PDFont bold = PDType0Font.load(document, SERIF_BOLD.toFile());
            for (int i = 1; i <= n; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    Writer writer = new Writer(out, page.getMediaBox().getHeight());
                    float y = TOP;
                    if (i == 1) {
                        y = header(writer, regular, bold, draft);
                    }
                    List<String> paragraphs = i == n ? PARAGRAPHS : repeat(PARAGRAPHS, 2);
                    y = body(writer, regular, paragraphs, y);
                    if (i == n) {
                        signatureBlock(writer, regular, bold, y + 14);
                    } else {
                        writer.centred(regular, 11, "Trang " + i + "/" + n, page.getMediaBox().getWidth() / 2, 810);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float header(Writer w, PDFont regular, PDFont bold, boolean draft) throws IOException {
        w.centred(regular, 12, "ỦY BAN NHÂN DÂN", LEFT_COLUMN, 75);
        w.centred(bold, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT_COLUMN, 75);
        w.centred(bold, 12, "TỈNH BÌNH AN", LEFT_COLUMN, 90);
        w.centred(bold, 13, "Độc lập - Tự do - Hạnh phúc", RIGHT_COLUMN, 91);
        w.rule(LEFT_COLUMN - 30, LEFT_COLUMN + 30, 95);
        w.rule(RIGHT_COLUMN - 80, RIGHT_COLUMN + 80, 96);
        w.centred(regular, 13, draft ? "Số: ....../TTr-UBND" : "Số: 123/UBND-VP", LEFT_COLUMN, 118);
        w.centred(regular, 13, draft ? "Bình An, ngày ..... tháng ..... năm 2026"
                : "Bình An, ngày 22 tháng 11 năm 2026", RIGHT_COLUMN, 118);
        w.centred(regular, 12, "V/v triển khai ký số văn bản điện tử", LEFT_COLUMN, 136);
        w.centred(regular, BODY_SIZE, "Kính gửi: Các sở, ban, ngành thuộc tỉnh", 297, 172);
        return 200;
    }

    private static float body(Writer w, PDFont font, List<String> paragraphs, float top) throws IOException {
        float width = 595.28f - LEFT - RIGHT;
        float y = top;
        for (String paragraph : paragraphs) {
            boolean first = true;
            for (String line : wrap(font, paragraph, width - 28)) {
                w.left(font, BODY_SIZE, line, first ? LEFT + 28 : LEFT, y);
                first = false;
                y += LEADING;
            }
            y += 4;
        }
        return y;
    }

    private static void signatureBlock(Writer w, PDFont regular, PDFont bold, float top) throws IOException {
        w.centred(bold, 13, "TM. ỦY BAN NHÂN DÂN", RIGHT_COLUMN, top + 13);
        w.centred(bold, 13, "CHỦ TỊCH", RIGHT_COLUMN, top + 30);
        w.centred(bold, 13, "Nguyễn Văn An", RIGHT_COLUMN, top + 125);
        w.left(bold, 12, "Nơi nhận:", LEFT, top + 13);
        w.left(regular, 11, "- Như trên;", LEFT, top + 28);
        w.left(regular, 11, "- Chủ tịch, các PCT UBND tỉnh;", LEFT, top + 41);
        w.left(regular, 11, "- Lưu: VT, VP.", LEFT, top + 54);
    }

    private static List<String> wrap(PDFont font, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * BODY_SIZE > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static List<String> repeat(List<String> list, int times) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            result.addAll(list);
        }
        return result;
    }

    /** Draws with y measured from the top of the page, like the rest of the code base. */
    private record Writer(PDPageContentStream out, float pageHeight) {

        void left(PDFont font, float size, String text, float x, float baselineFromTop) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, pageHeight - baselineFromTop);
            out.showText(text);
            out.endText();
        }

        void centred(PDFont font, float size, String text, float centre, float baselineFromTop) throws IOException {
            float width = font.getStringWidth(text) / 1000 * size;
            left(font, size, text, centre - width / 2, baselineFromTop);
        }

        void rule(float from, float to, float yFromTop) throws IOException {
            out.setLineWidth(0.6f);
            out.moveTo(from, pageHeight - yFromTop);
            out.lineTo(to, pageHeight - yFromTop);
            out.stroke();
        }
    }
}
