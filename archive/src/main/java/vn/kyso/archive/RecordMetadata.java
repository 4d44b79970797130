package vn.kyso.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.kyso.archive.ArchiveException.FieldError;
import vn.kyso.core.VietnamTime;

/**
 * The archive metadata of one document (Circular 02/2019/TT-BNV): where it is filed, what it is,
 * who issued and signed it, who may read it and how long it is kept.
 *
 * @param fondCode        mã phông lưu trữ, e.g. {@code G09}
 * @param fileCode        mã hồ sơ, the file the document belongs to, e.g. {@code G09.2026.01.QD}
 * @param numberSymbol    số và ký hiệu, e.g. {@code 123/QĐ-UBND}
 * @param documentDate    ngày tháng văn bản
 * @param documentType    tên loại văn bản, e.g. {@code Quyết định}
 * @param issuer          cơ quan ban hành
 * @param subject         trích yếu nội dung
 * @param signer          người ký, or null (then taken from the signature)
 * @param language        ngôn ngữ, ISO 639-1, e.g. {@code vi}
 * @param pageCount       số trang, or null (then counted from the PDF)
 * @param keywords        từ khóa
 * @param accessRegime    chế độ sử dụng
 * @param confidenceLevel mức độ tin cậy
 * @param preservation    thời hạn bảo quản
 * @param documentId      the identifier a verification QR code carries, or null
 * @param description     the further fields of Decree 30 Appendix VI (number and notation apart,
 *                        signer's position, urgency, secrecy, recipients, arrival); never null
 */
public record RecordMetadata(
        String fondCode,
        String fileCode,
        String numberSymbol,
        LocalDate documentDate,
        String documentType,
        String issuer,
        String subject,
        String signer,
        String language,
        Integer pageCount,
        List<String> keywords,
        AccessRegime accessRegime,
        ConfidenceLevel confidenceLevel,
        PreservationPeriod preservation,
        String documentId,
        DocumentDescription description) {

    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,40}");
    private static final Pattern FILE_CODE = Pattern.compile("[\\p{L}\\p{N}./_-]{1,80}");
    private static final Pattern NUMBER_SYMBOL = Pattern.compile("\\d{1,7}/[\\p{L}\\p{N}./-]{1,60}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The Democratic Republic of Viet Nam was founded on 2 September 1945; no state document is older. */
    static final LocalDate EARLIEST = LocalDate.of(1945, 9, 2);

    public RecordMetadata {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        fondCode = strip(fondCode);
        fileCode = strip(fileCode);
        numberSymbol = strip(numberSymbol);
        documentType = strip(documentType);
        issuer = strip(issuer);
        subject = strip(subject);
        signer = strip(signer);
        language = language == null || language.isBlank() ? "vi" : language.strip().toLowerCase(Locale.ROOT);
        documentId = strip(documentId);
        if (accessRegime == null) {
            accessRegime = AccessRegime.RESTRICTED;
        }
        if (confidenceLevel == null) {
            confidenceLevel = ConfidenceLevel.ELECTRONIC_ORIGINAL;
        }
        List<FieldError> errors = check(fondCode, fileCode, numberSymbol, documentDate, documentType, issuer, subject,
                signer, language, pageCount, keywords, preservation, documentId);
        boolean ownCode = description != null && description.codeNumber() != null
                && description.codeNotation() != null;
        description = (description == null ? DocumentDescription.none() : description).withCode(numberSymbol);
        if (ownCode && numberSymbol != null
                && !numberSymbol.equals(description.codeNumber() + "/" + description.codeNotation())) {
            errors.add(FieldRules.mismatch("codeNumber", "number and notation must read as the number and symbol "
                    + numberSymbol, "Số và ký hiệu phải khớp với số, ký hiệu " + numberSymbol));
        }
        if (!errors.isEmpty()) {
            throw ArchiveException.invalidMetadata(errors);
        }
    }

    /** The metadata without the further Appendix VI fields (number and notation read from the number and symbol). */
    public RecordMetadata(String fondCode, String fileCode, String numberSymbol, LocalDate documentDate,
            String documentType, String issuer, String subject, String signer, String language, Integer pageCount,
            List<String> keywords, AccessRegime accessRegime, ConfidenceLevel confidenceLevel,
            PreservationPeriod preservation, String documentId) {
        this(fondCode, fileCode, numberSymbol, documentDate, documentType, issuer, subject, signer, language,
                pageCount, keywords, accessRegime, confidenceLevel, preservation, documentId, null);
    }

    /**
     * Every rule broken by the given values; the compact constructor and {@link MetadataForm} both use
     * it so that a form reports all its faults at once.
     */
    static List<FieldError> check(String fondCode, String fileCode, String numberSymbol, LocalDate documentDate,
            String documentType, String issuer, String subject, String signer, String language, Integer pageCount,
            List<String> keywords, PreservationPeriod preservation, String documentId) {
        List<FieldError> e = new ArrayList<>();
        pattern(e, "fondCode", fondCode, CODE, "letters, digits, '.', '_' or '-', at most 40");
        pattern(e, "fileCode", fileCode, FILE_CODE, "letters, digits, '.', '/', '_' or '-', at most 80");
        pattern(e, "numberSymbol", numberSymbol, NUMBER_SYMBOL, "a number, '/', then the symbol, e.g. 123/QĐ-UBND");
        if (documentDate == null) {
            e.add(new FieldError("documentDate", "required, as YYYY-MM-DD"));
        } else if (documentDate.isBefore(EARLIEST)) {
            e.add(new FieldError("documentDate", "before 1945-09-02"));
        } else if (documentDate.isAfter(LocalDate.now(VietnamTime.OFFSET).plusDays(1))) {
            e.add(new FieldError("documentDate", "in the future"));
        }
        text(e, "documentType", documentType, true, 100);
        text(e, "issuer", issuer, true, 300);
        text(e, "subject", subject, true, 2000);
        text(e, "signer", signer, false, 200);
        if (!LANGUAGE.matcher(language).matches()) {
            e.add(new FieldError("language", "an ISO 639-1 code such as vi or en"));
        }
        if (pageCount != null && (pageCount < 1 || pageCount > 100_000)) {
            e.add(new FieldError("pageCount", "between 1 and 100000"));
        }
        if (keywords.size() > 50 || keywords.stream().anyMatch(k -> k == null || k.isBlank() || k.length() > 100)) {
            e.add(new FieldError("keywords", "at most 50, each 1 to 100 characters"));
        }
        if (preservation == null) {
            e.add(new FieldError("preservation", "required: 'permanent' or one of "
                    + PreservationPeriod.ALLOWED_YEARS.stream().sorted().toList() + " years"));
        }
        if (documentId != null && !DOCUMENT_ID.matcher(documentId).matches()) {
            e.add(new FieldError("documentId", "1-64 letters, digits, '.', '_' or '-'"));
        }
        return e;
    }

    private static void pattern(List<FieldError> e, String field, String value, Pattern p, String rule) {
        if (value == null) {
            e.add(new FieldError(field, "required"));
        } else if (!p.matcher(value).matches()) {
            e.add(new FieldError(field, rule));
        }
    }

    private static void text(List<FieldError> e, String field, String value, boolean required, int max) {
        if (value == null) {
            if (required) {
                e.add(new FieldError(field, "required"));
            }
        } else if (value.length() > max) {
            e.add(new FieldError(field, "at most " + max + " characters"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            e.add(new FieldError(field, "contains control characters"));
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Copy with the signer and page count filled in from the document when the clerk left them out. */
    public RecordMetadata withDefaults(String signerFromSignature, Integer pagesFromDocument) {
        return new RecordMetadata(fondCode, fileCode, numberSymbol, documentDate, documentType, issuer, subject,
                signer != null ? signer : signerFromSignature,
                language, pageCount != null ? pageCount : pagesFromDocument, keywords, accessRegime,
                confidenceLevel, preservation, documentId, description);
    }

    /** Copy filed in another file (hồ sơ). */
    public RecordMetadata inFile(String otherFondCode, String otherFileCode) {
        return new RecordMetadata(otherFondCode, otherFileCode, numberSymbol, documentDate, documentType, issuer,
                subject, signer, language, pageCount, keywords, accessRegime, confidenceLevel, preservation,
                documentId, description);
    }

    /**
     * The lengths and lists of Decree 30 Appendix VI for the fields this record shares with it:
     * issuer name (OrganName S200), subject (S500), signer's full name (FullName S50), page count
     * (PageAmount N3) and language (from {@link Languages}). Applied where metadata comes in through
     * a form ({@link MetadataForm}); records catalogued before these rules still read.
     */
    static List<FieldError> appendixVi(String issuer, String subject, String signer, Integer pageCount,
            String language) {
        List<FieldError> e = new ArrayList<>();
        FieldRules.maxLength(e, "issuer", "Tên cơ quan, tổ chức ban hành văn bản", issuer, 200);
        FieldRules.maxLength(e, "subject", "Trích yếu nội dung", subject, 500);
        FieldRules.maxLength(e, "signer", "Họ và tên người ký", signer, 50);
        FieldRules.digits(e, "pageCount", "Số trang của văn bản", pageCount == null ? null : pageCount.longValue(), 3,
                1);
        if (language != null && Languages.nameVi(language).isEmpty()) {
            e.add(FieldRules.notInList("language", "Ngôn ngữ", Languages.codes()));
        }
        return e;
    }
}
