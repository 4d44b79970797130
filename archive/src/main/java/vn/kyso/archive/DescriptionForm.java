package vn.kyso.archive;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.kyso.archive.ArchiveException.FieldError;

/**
 * The Appendix VI fields of {@link DocumentDescription} as a form sends them, every one optional.
 * Urgency and secrecy take the constant ({@code urgent}), the one-digit code ({@code 1}) or the
 * Vietnamese word ({@code Khẩn}); each {@code recipients} value is {@code OrganId|Tên cơ quan} or just
 * the name.
 */
public record DescriptionForm(
        String codeNumber,
        String codeNotation,
        String signerPosition,
        String urgency,
        String secrecy,
        List<String> recipients,
        String issuedAmount,
        String dueDate,
        String note,
        String arrivalDate,
        String arrivalNumber,
        String toPlaces) {

    /** The description, adding every field at fault to {@code errors}; null when some field is at fault. */
    DocumentDescription parse(List<FieldError> errors) {
        int before = errors.size();
        Urgency u = level(Urgency.class, "urgency", "Mức độ khẩn", urgency, errors);
        Secrecy s = level(Secrecy.class, "secrecy", "Độ mật", secrecy, errors);
        Long amount = FieldRules.number(errors, "issuedAmount", "Số lượng bản phát hành", issuedAmount, 3, 1);
        Long arrival = FieldRules.number(errors, "arrivalNumber", "Số đến", arrivalNumber, 10, 1);
        LocalDate due = FieldRules.date(errors, "dueDate", "Hạn trả lời văn bản", dueDate);
        LocalDate arrived = FieldRules.date(errors, "arrivalDate", "Ngày, tháng, năm đến", arrivalDate);
        List<DocumentDescription.Recipient> to = new ArrayList<>();
        if (recipients != null) {
            for (String r : recipients) {
                if (r == null || r.isBlank()) {
                    continue;
                }
                int bar = r.indexOf('|');
                to.add(bar < 0 ? new DocumentDescription.Recipient(null, r.strip())
                        : new DocumentDescription.Recipient(FieldRules.blank(r.substring(0, bar)),
                                FieldRules.blank(r.substring(bar + 1))));
            }
        }
        errors.addAll(DocumentDescription.problems(FieldRules.blank(codeNumber), FieldRules.blank(codeNotation),
                FieldRules.blank(signerPosition), to, null, FieldRules.blank(note), arrived,
                arrival, FieldRules.blank(toPlaces)));
        if (errors.size() > before) {
            return null;
        }
        return new DocumentDescription(codeNumber, codeNotation, signerPosition, u, s, to,
                amount == null ? null : amount.intValue(), due, note, arrived, arrival, toPlaces);
    }

    private static <E extends Enum<E>> E level(Class<E> type, String field, String nameVi, String text,
            List<FieldError> errors) {
        String t = FieldRules.blank(text);
        if (t == null) {
            return null;
        }
        E[] all = type.getEnumConstants();
        if (t.matches("\\d")) {
            int i = Integer.parseInt(t);
            if (i < all.length) {
                return all[i];
            }
        }
        String folded = fold(t);
        for (E e : all) {
            String vi = e instanceof Urgency x ? x.nameVi() : ((Secrecy) e).nameVi();
            if (e.name().equalsIgnoreCase(t.replace('-', '_').replace(' ', '_')) || fold(vi).equals(folded)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : all) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        errors.add(FieldRules.notInList(field, nameVi, allowed));
        return null;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd');
    }
}
