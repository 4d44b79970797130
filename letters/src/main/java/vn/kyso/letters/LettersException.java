package vn.kyso.letters;

import java.util.Map;
import vn.kyso.core.ServiceException;

/** A refused or failed step of the letters workflow; the API's problem handler maps it. */
public class LettersException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final LetterState state;

    public LettersException(LettersError error, String message) {
        this(error, message, null, null);
    }

    public LettersException(LettersError error, String message, LetterState state, Throwable cause) {
        super(error, message, cause);
        this.state = state;
    }

    public static LettersException notFound(String id) {
        return new LettersException(LettersError.LETTER_NOT_FOUND, "there is no letter " + id);
    }

    public static LettersException conflict(LetterState state, String message) {
        return new LettersException(LettersError.LETTER_STATE_CONFLICT, message, state, null);
    }

    /** A malformed step: 400 INVALID_REQUEST. */
    public static LettersException invalid(String message) {
        return new LettersException(LettersError.INVALID_REQUEST, message);
    }

    /**
     * 403 LETTER_NOT_YOURS, in English and Vietnamese (property {@code detailVi}); says neither whose the
     * letter is nor what it is about.
     */
    public static LettersException notYours(String id) {
        return new LettersException(LettersError.LETTER_NOT_YOURS, "letter " + id
                + " belongs to another organisation; only its clerks, authorised signers and archivists may "
                + "see, sign, issue or download it", null, null) {
            @Override
            public Map<String, Object> details() {
                return Map.of("detailVi", "Văn bản " + id + " thuộc cơ quan, tổ chức khác; chỉ văn thư, người ký "
                        + "có thẩm quyền và lưu trữ viên của cơ quan đó được xem, ký, ban hành hoặc tải về");
            }
        };
    }

    @Override
    public Map<String, Object> details() {
        return state == null ? Map.of() : Map.of("state", state.name());
    }
}
