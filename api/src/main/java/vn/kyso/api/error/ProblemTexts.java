package vn.kyso.api.error;

import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * Puts a problem's title and detail in the language the client asked for and keeps both languages in
 * the body ({@code titleEn}, {@code titleVi}, {@code detailEn}, {@code detailVi}), so a client that shows
 * one language can still log or show the other. A module that wrote its own Vietnamese detail passes it
 * as {@code detailVi}; for the others the Vietnamese detail is the code's Vietnamese title, and the
 * English detail keeps the specifics (the field at fault, the limit).
 */
final class ProblemTexts {

    static final String TITLE_EN = "titleEn";
    static final String TITLE_VI = "titleVi";
    static final String DETAIL_EN = "detailEn";
    static final String DETAIL_VI = "detailVi";
    /** The upload limit, in bytes, on an UPLOAD_TOO_LARGE problem. */
    static final String MAX_UPLOAD_BYTES = "maxUploadBytes";

    private static final Map<String, String> DETAIL_VI_BY_CODE = Map.of(
            "EMPTY_DOCUMENT", "Tệp tải lên không có nội dung (0 byte). Hãy chọn lại tệp.",
            "ENCRYPTED_PDF", "Tệp PDF được bảo vệ bằng mật khẩu hoặc giới hạn quyền (mã hóa). Hãy gửi bản không mã hóa.",
            "INTERNAL_ERROR", "Đã xảy ra lỗi không mong muốn. Khi báo lỗi, hãy cho biết mã errorId.");

    private ProblemTexts() {
    }

    /** The English and Vietnamese detail of a request over the upload limit, stating the limit. */
    static String[] uploadTooLarge(long maxBytes) {
        String size = size(maxBytes);
        return new String[] {
            "The upload is larger than the limit of " + size + " (" + maxBytes + " bytes) per request.",
            "Tệp tải lên vượt quá giới hạn " + size + " (" + maxBytes + " byte) cho mỗi yêu cầu."};
    }

    static void localise(ProblemDetail problem, String code, ProblemLanguage language) {
        Map<String, Object> properties = problem.getProperties();
        String titleEn = problem.getTitle();
        String detailEn = problem.getDetail();
        String titleVi = ErrorCatalog.titleVi(code);
        if (titleVi == null) {
            titleVi = titleEn; // a code added without its Vietnamese title (ErrorCatalogTest catches it)
        }
        String detailVi = properties != null && properties.get(DETAIL_VI) instanceof String s ? s : null;
        if (detailVi == null) {
            detailVi = DETAIL_VI_BY_CODE.get(code);
        }
        if (detailVi == null && titleVi != null) {
            detailVi = titleVi + ".";
        }
        problem.setProperty(TITLE_EN, titleEn);
        problem.setProperty(TITLE_VI, titleVi);
        problem.setProperty(DETAIL_EN, detailEn);
        problem.setProperty(DETAIL_VI, detailVi);
        if (language == ProblemLanguage.VI) {
            problem.setTitle(titleVi);
            problem.setDetail(detailVi);
        }
    }

    /** 25 MB, 1 KB, 512 bytes: the unit a person reads the setting in. */
    static String size(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }
}
