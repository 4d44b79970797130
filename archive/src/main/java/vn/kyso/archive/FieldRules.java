package vn.kyso.archive;

import java.util.List;
import java.util.regex.Pattern;
import vn.kyso.archive.ArchiveException.FieldError;

/**
 * The stable codes of a field at fault and the rules of Decree 30/2020/NĐ-CP Appendix VI (lengths,
 * number fields, code lists), each with its English and Vietnamese text. The codes go in the
 * {@code errors} of a {@link ArchiveError#METADATA_INVALID} problem; clients switch on them.
 */
public final class FieldRules {

    /** A rule of the original form (pattern, date range). */
    public static final String INVALID = "FIELD_INVALID";
    public static final String REQUIRED = "FIELD_REQUIRED";
    /** Longer than Appendix VI allows. */
    public static final String TOO_LONG = "FIELD_TOO_LONG";
    /** Not a value of the field's code list (language, access regime, urgency, secrecy, retention). */
    public static final String NOT_IN_LIST = "FIELD_NOT_IN_LIST";
    /** A number field (Appendix VI type Number) that is no number or has too many digits. */
    public static final String NOT_A_NUMBER = "FIELD_NOT_A_NUMBER";
    public static final String NOT_A_DATE = "FIELD_NOT_A_DATE";
    /** Two fields that must agree do not: number and notation against the number and symbol, dates out of order. */
    public static final String MISMATCH = "FIELD_MISMATCH";

    private static final String APPENDIX_EN = " (Decree 30/2020, Appendix VI)";
    private static final String APPENDIX_VI = " (Phụ lục VI Nghị định 30/2020/NĐ-CP)";

    private FieldRules() {
    }

    static FieldError required(String field, String nameVi) {
        return new FieldError(field, "required", REQUIRED, nameVi + " là bắt buộc");
    }

    /** Adds an error when {@code value} is longer than {@code max} characters (Appendix VI type String). */
    static void maxLength(List<FieldError> errors, String field, String nameVi, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters" + APPENDIX_EN, TOO_LONG,
                    nameVi + " dài quá " + max + " ký tự" + APPENDIX_VI));
        }
    }

    /** Adds an error when a whole number has more than {@code digits} digits or is below {@code min}. */
    static void digits(List<FieldError> errors, String field, String nameVi, Long value, int digits, long min) {
        if (value != null && (value < min || Long.toString(value).length() > digits)) {
            errors.add(notANumber(field, nameVi, digits, min));
        }
    }

    static FieldError notANumber(String field, String nameVi, int digits, long min) {
        return new FieldError(field, "a whole number from " + min + " with at most " + digits + " digits" + APPENDIX_EN,
                NOT_A_NUMBER, nameVi + " phải là số nguyên từ " + min + ", tối đa " + digits + " chữ số" + APPENDIX_VI);
    }

    static FieldError notADate(String field, String nameVi) {
        return new FieldError(field, "not a date; use YYYY-MM-DD", NOT_A_DATE,
                nameVi + " không phải ngày hợp lệ; dùng dạng NNNN-TT-NN");
    }

    static FieldError notInList(String field, String nameVi, List<String> allowed) {
        return new FieldError(field, "one of " + allowed, NOT_IN_LIST,
                nameVi + " phải là một trong các giá trị " + allowed);
    }

    static FieldError mismatch(String field, String en, String vi) {
        return new FieldError(field, en, MISMATCH, vi);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /** Parses a whole number field, adding an error for anything else; null when blank. */
    static Long number(List<FieldError> errors, String field, String nameVi, String text, int digits, long min) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        if (!DIGITS.matcher(t).matches()) {
            errors.add(notANumber(field, nameVi, digits, min));
            return null;
        }
        long v = Long.parseLong(t);
        int before = errors.size();
        digits(errors, field, nameVi, v, digits, min);
        return errors.size() == before ? v : null;
    }

    static java.time.LocalDate date(List<FieldError> errors, String field, String nameVi, String text) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(notADate(field, nameVi));
            return null;
        }
    }
}
