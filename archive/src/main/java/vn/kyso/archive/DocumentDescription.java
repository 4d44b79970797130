package vn.kyso.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.archive.ArchiveException.FieldError;

/**
 * The fields of Decree 30/2020 Appendix VI, Part II that {@link RecordMetadata} did not carry: the
 * number and the notation as two fields, the signer's position, urgency and secrecy, recipients,
 * the note, and for an incoming document (văn bản đến) its arrival date and number. Lengths are the
 * appendix's; every field may be absent.
 *
 * @param codeNumber     số của văn bản, {@code CodeNumber} S11, e.g. {@code 123}
 * @param codeNotation   ký hiệu của văn bản, {@code CodeNotation} S30, e.g. {@code QĐ-UBND}
 * @param signerPosition chức vụ của người ký, {@code SignerInfo/Position} S100
 * @param urgency        mức độ khẩn, {@code Priority}
 * @param secrecy        độ mật, {@code Priority}
 * @param recipients     nơi nhận, {@code To} (outgoing)
 * @param issuedAmount   số lượng bản phát hành, {@code IssuedAmount} N3
 * @param dueDate        hạn trả lời / thời hạn giải quyết, {@code DueDate}
 * @param note           ghi chú, {@code Description} S500
 * @param arrivalDate    ngày đến, {@code ArrivalDate} (incoming only)
 * @param arrivalNumber  số đến, {@code ArrivalNumber} N10 (incoming only)
 * @param toPlaces       đơn vị hoặc người nhận, {@code ToPlaces} S1000 (incoming only)
 */
public record DocumentDescription(
        String codeNumber,
        String codeNotation,
        String signerPosition,
        Urgency urgency,
        Secrecy secrecy,
        List<Recipient> recipients,
        Integer issuedAmount,
        LocalDate dueDate,
        String note,
        LocalDate arrivalDate,
        Long arrivalNumber,
        String toPlaces) {

    /**
     * One recipient (Appendix VI {@code To}).
     *
     * @param organId   mã định danh, {@code OrganId} S13, or null
     * @param organName tên cơ quan, tổ chức nhận, {@code OrganName} S200
     */
    public record Recipient(String organId, String organName) {
    }

    public DocumentDescription {
        codeNumber = FieldRules.blank(codeNumber);
        codeNotation = FieldRules.blank(codeNotation);
        signerPosition = FieldRules.blank(signerPosition);
        note = FieldRules.blank(note);
        toPlaces = FieldRules.blank(toPlaces);
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        secrecy = secrecy == null ? Secrecy.NONE : secrecy;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        List<FieldError> errors = problems(codeNumber, codeNotation, signerPosition, recipients, issuedAmount, note,
                arrivalDate, arrivalNumber, toPlaces);
        if (!errors.isEmpty()) {
            throw ArchiveException.invalidMetadata(errors);
        }
    }

    /** Nothing but the defaults: a document described by {@link RecordMetadata}'s fields alone. */
    public static DocumentDescription none() {
        return new DocumentDescription(null, null, null, null, null, List.of(), null, null, null, null, null, null);
    }

    /** Whether this is an incoming document (văn bản đến): it has an arrival date or number. */
    public boolean incoming() {
        return arrivalDate != null || arrivalNumber != null;
    }

    /** Copy with the number and notation read from {@code 123/QĐ-UBND} where they were left out. */
    DocumentDescription withCode(String numberSymbol) {
        if (numberSymbol == null || (codeNumber != null && codeNotation != null)) {
            return this;
        }
        int slash = numberSymbol.indexOf('/');
        String number = slash < 0 ? numberSymbol : numberSymbol.substring(0, slash);
        String notation = slash < 0 ? null : numberSymbol.substring(slash + 1);
        return new DocumentDescription(codeNumber != null ? codeNumber : number,
                codeNotation != null ? codeNotation : notation, signerPosition, urgency, secrecy, recipients,
                issuedAmount, dueDate, note, arrivalDate, arrivalNumber, toPlaces);
    }

    /** Every Appendix VI rule these values break. */
    static List<FieldError> problems(String codeNumber, String codeNotation, String signerPosition,
            List<Recipient> recipients, Integer issuedAmount, String note, LocalDate arrivalDate, Long arrivalNumber,
            String toPlaces) {
        List<FieldError> e = new ArrayList<>();
        FieldRules.maxLength(e, "codeNumber", "Số của văn bản", codeNumber, 11);
        FieldRules.maxLength(e, "codeNotation", "Ký hiệu của văn bản", codeNotation, 30);
        FieldRules.maxLength(e, "signerPosition", "Chức vụ của người ký", signerPosition, 100);
        FieldRules.maxLength(e, "note", "Ghi chú", note, 500);
        FieldRules.maxLength(e, "toPlaces", "Đơn vị hoặc người nhận", toPlaces, 1000);
        FieldRules.digits(e, "issuedAmount", "Số lượng bản phát hành", issuedAmount == null ? null
                : issuedAmount.longValue(), 3, 1);
        FieldRules.digits(e, "arrivalNumber", "Số đến", arrivalNumber, 10, 1);
        if (recipients != null) {
            for (Recipient r : recipients) {
                if (r == null || r.organName() == null || r.organName().isBlank()) {
                    e.add(FieldRules.required("recipients", "Tên cơ quan, tổ chức nhận văn bản"));
                    continue;
                }
                FieldRules.maxLength(e, "recipients", "Mã định danh của cơ quan, tổ chức nhận", r.organId(), 13);
                FieldRules.maxLength(e, "recipients", "Tên cơ quan, tổ chức nhận văn bản", r.organName(), 200);
            }
        }
        if (arrivalNumber != null && arrivalDate == null) {
            e.add(FieldRules.required("arrivalDate", "Ngày, tháng, năm đến"));
        }
        return e;
    }
}
