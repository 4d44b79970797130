package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The public lookup by document id, as lines in the terminal: the facts /verify shows, in one language. */
final class IssuedDocumentText {

    private IssuedDocumentText() {
    }

    static void print(PrintStream out, String id, JsonNode d, boolean vi) {
        if (!d.path("found").asBoolean(false)) {
            // The service answers the same for an id nobody issued and for a wrong token: so does the client.
            out.println(id + ": " + (vi ? "không tìm thấy văn bản nào với mã này (hoặc liên kết thiếu mã t đúng)"
                    : "no document found under this id (or the link's token t is missing or wrong)"));
            return;
        }
        String verdict = d.path("verdict").asText("");
        out.println(id + ": " + verdict + " — " + verdict(verdict, vi));
        line(out, vi ? "Cơ quan ban hành" : "Issuer", d.path("issuer").asText(null));
        line(out, vi ? "Trạng thái" : "State", d.path("state").asText(null));
        line(out, vi ? "Chế độ tiếp cận" : "Access", d.path("accessRegime").asText(null));
        line(out, vi ? "Lưu trữ lúc" : "Archived at", d.path("archivedAt").asText(null));
        line(out, vi ? "Kiểm tra lúc" : "Validated at", d.path("validatedAt").asText(null));
        line(out, "SHA-256", d.path("sha256").asText(null));
        JsonNode c = d.path("content");
        if (c.isMissingNode() || c.isNull()) {
            out.println("  " + (vi ? "Văn bản không công khai: chỉ cho biết văn bản có thật và kết quả kiểm tra."
                    : "Not a public record: only its existence and verdict are shown."));
            return;
        }
        line(out, vi ? "Số, ký hiệu" : "Number", c.path("numberSymbol").asText(null));
        line(out, vi ? "Ngày" : "Date", c.path("documentDate").asText(null));
        line(out, vi ? "Loại" : "Type", c.path("documentType").asText(null));
        line(out, vi ? "Trích yếu" : "Subject", c.path("subject").asText(null));
        line(out, vi ? "Kết luận" : "Finding", c.path(vi ? "headlineVi" : "headlineEn").asText(null));
        for (JsonNode s : c.path("signers")) {
            line(out, vi ? "Người ký" : "Signer", s.path("name").asText("") + (s.hasNonNull("organisation")
                    ? " (" + s.path("organisation").asText() + ")" : "") + " — " + s.path("verdict").asText("")
                    + (s.hasNonNull("signingTime") ? ", " + s.path("signingTime").asText() : ""));
        }
        line(out, vi ? "Bản gốc" : "Original", c.path("originalUrl").asText(null));
    }

    private static void line(PrintStream out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.println("  " + label + ": " + value);
        }
    }

    private static String verdict(String verdict, boolean vi) {
        return switch (verdict) {
            case "VALID" -> vi ? "văn bản có thật, chữ ký hợp lệ" : "genuine, the signatures are valid";
            case "INVALID" -> vi ? "chữ ký không hợp lệ" : "the signatures are not valid";
            case "INDETERMINATE" -> vi ? "chưa đủ căn cứ để kết luận" : "not enough evidence to decide";
            default -> verdict;
        };
    }
}
