package vn.kyso.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The letters every contender signs and validates: the committed one-page sample and a generated 50-page one. */
final class BenchDocuments {

    private BenchDocuments() {
    }

    static byte[] onePage() {
        for (Path base : new Path[] {Path.of("samples/letters"), Path.of("../samples/letters")}) {
            Path p = base.resolve("cong-van-mot-trang.pdf");
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("samples/letters/cong-van-mot-trang.pdf not found");
    }

    /** A text letter of n A4 pages in Vietnamese, 45 lines a page, as the validation benchmark makes it. */
    static byte[] pages(int n) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc,
                    Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf").toFile());
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
        }
    }
}
