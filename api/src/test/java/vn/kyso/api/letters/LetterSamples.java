package vn.kyso.api.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A small official letter as a DOCX, written by hand so that the tests need no office suite to make it. */
public final class LetterSamples {

    private LetterSamples() {
    }

    static byte[] docx(String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(p)).append("</w:t></w:r></w:p>");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\"/></w:sectPr>"
                + "</w:body></w:document>";
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", types);
            entry(zip, "_rels/.rels", rels);
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A draft as a clerk uploads it: number and date still dotted, for issuing to fill in. */
    public static byte[] draftWithPlaceholders() {
        return docx("ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "Số: ....../TTr-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Bình An, ngày ..... tháng ..... năm 2026", "TỜ TRÌNH", "Về việc tổ chức tập huấn chuyển đổi số",
                "Kính gửi: Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét.",
                "Nơi nhận: Như trên; Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "",
                "", "Trần Thị Bích Ngọc");
    }

    static byte[] officialLetter() {
        return docx("ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "V/v tổ chức tập huấn chuyển đổi số năm 2026",
                "Kính gửi: Các sở, ban, ngành tỉnh",
                "Ủy ban nhân dân tỉnh đề nghị các cơ quan cử cán bộ tham dự lớp tập huấn về chuyển đổi số, "
                        + "văn bản điện tử và chữ ký số theo Nghị định số 30/2020/NĐ-CP.",
                "Nơi nhận: Như trên; Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "",
                "", "Trần Thị Bích Ngọc");
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
